using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Core.Streaming;

/// <summary>
/// Labels a node's series the way <c>/metrics</c> shows them (and Prometheus would without
/// <c>honor_labels</c>): <c>instance</c> = the node, <c>job</c>, then the target's labels (file_sd) — a
/// target label named <c>instance</c>/<c>job</c> loses to the node, names starting with <c>__</c> are
/// dropped. A series' own label of one of those names is kept as <c>exported_&lt;name&gt;</c>
/// (<c>exported_exported_&lt;name&gt;</c> if that is taken too).
/// </summary>
public static class SnapshotLabels
{
    private const string ExportedPrefix = "exported_";

    public static IReadOnlyList<MetricFamily> Apply(NodeSnapshot snapshot)
    {
        var node = NodeLabels(snapshot.Node, snapshot.TargetLabels);
        // Series share interned label sets: label each distinct set once.
        var labelled = new Dictionary<LabelSet, LabelSet>(ReferenceEqualityComparer.Instance);
        var families = new MetricFamily[snapshot.Families.Count];
        for (var f = 0; f < families.Length; f++)
        {
            var family = snapshot.Families[f];
            var samples = new Sample[family.Samples.Count];
            for (var i = 0; i < samples.Length; i++)
            {
                var sample = family.Samples[i];
                if (!labelled.TryGetValue(sample.Labels, out var labels))
                {
                    labels = Merge(node, sample.Labels);
                    labelled[sample.Labels] = labels;
                }
                samples[i] = sample with { Labels = labels };
            }
            families[f] = family with { Samples = samples };
        }
        return families;
    }

    /// <summary><c>instance</c>, <c>job</c>, then the target labels that are not internal nor instance/job.</summary>
    public static IReadOnlyList<Label> NodeLabels(NodeKey node, LabelSet targetLabels)
    {
        var labels = new List<Label>(2 + targetLabels.Count) { new("instance", node.Instance), new("job", node.Job) };
        foreach (var label in targetLabels)
        {
            if (IsKeptTargetLabel(label.Name))
            {
                labels.Add(label);
            }
        }
        return labels;
    }

    /// <summary>
    /// The value of <paramref name="name"/> among the node's own labels (<c>instance</c>, <c>job</c>, kept target
    /// labels), or null when that name is not one of them — the same rule <see cref="NodeLabels"/> applies, read
    /// without building the list (rule matching asks this per series).
    /// </summary>
    public static string? NodeLabel(NodeKey node, LabelSet targetLabels, string name) =>
        string.Equals(name, "instance", StringComparison.Ordinal) ? node.Instance
        : string.Equals(name, "job", StringComparison.Ordinal) ? node.Job
        : targetLabels.Count > 0 && IsKeptTargetLabel(name) ? targetLabels.Get(name)
        : null;

    private static bool IsKeptTargetLabel(string name) =>
        name is not ("instance" or "job") && !name.StartsWith("__", StringComparison.Ordinal);

    private static LabelSet Merge(IReadOnlyList<Label> node, LabelSet series)
    {
        var labels = new List<Label>(node.Count + series.Count);
        labels.AddRange(node);
        foreach (var label in series)
        {
            labels.Add(IsNodeLabel(node, label.Name) ? label with { Name = Exported(node, series, label.Name) } : label);
        }
        return LabelSet.Create(labels);
    }

    private static string Exported(IReadOnlyList<Label> node, LabelSet series, string name)
    {
        var renamed = ExportedPrefix + name;
        while (IsNodeLabel(node, renamed) || series.Get(renamed) is not null)
        {
            renamed = ExportedPrefix + renamed;
        }
        return renamed;
    }

    private static bool IsNodeLabel(IReadOnlyList<Label> node, string name)
    {
        foreach (var label in node)
        {
            if (string.Equals(label.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
