using Gateway.Core.Metrics;

namespace Gateway.Collector.Discovery;

/// <summary>
/// Turns discovery labels into a target's label set. Names starting with <c>__</c> are meta labels in
/// Prometheus and are dropped; <c>instance</c> becomes the node's identity instead of a label, and
/// <c>job</c> is taken from the configuration, so neither is repeated in the set (exporters add both).
/// </summary>
public static class TargetLabels
{
    public static LabelSet Build(IEnumerable<KeyValuePair<string, string>> labels, out string? instance)
    {
        instance = null;
        List<Label>? kept = null;
        foreach (var (name, value) in labels)
        {
            if (name.StartsWith("__", StringComparison.Ordinal) || name == "job")
            {
                continue;
            }
            if (name == "instance")
            {
                instance = string.IsNullOrEmpty(value) ? null : value;
                continue;
            }
            (kept ??= []).Add(new Label(name, value));
        }
        return kept is null ? LabelSet.Empty : LabelSet.Create(kept);
    }

    /// <summary>Prometheus label name syntax: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
