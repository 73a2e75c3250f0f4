using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Streaming;

namespace Gateway.Core.Rules;

/// <summary>
/// The labels of one series as a user sees them on <c>/metrics</c>: <c>instance</c> and <c>job</c> of the
/// node, the target's labels (file_sd), then the series' own; a series label that one of the node's
/// labels overrides is visible as <c>exported_&lt;name&gt;</c>, as the Prometheus exporter writes it. Which
/// labels are the node's is <see cref="SnapshotLabels"/>' rule (the metric stream labels series with it).
/// Rules match these, so a rule written against what <c>/metrics</c> shows matches.
/// </summary>
public readonly struct ExposedLabels
{
    private const string ExportedPrefix = "exported_";

    private readonly NodeKey _node;
    private readonly LabelSet _target;
    private readonly LabelSet _series;

    public ExposedLabels(NodeKey node, LabelSet target, LabelSet series)
    {
        _node = node;
        _target = target;
        _series = series;
    }

    /// <summary>The value of label <paramref name="name"/>, or null when the series has no such label.</summary>
    public string? Get(string name)
    {
        if (NodeLabel(name) is { } own)
        {
            return own;
        }
        if (name.StartsWith(ExportedPrefix, StringComparison.Ordinal))
        {
            var original = name[ExportedPrefix.Length..];
            if (NodeLabel(original) is not null)
            {
                return _series.Get(original);
            }
        }
        return _series.Get(name);
    }

    private string? NodeLabel(string name) => SnapshotLabels.NodeLabel(_node, _target, name);
}
