using Gateway.Core.Nodes;

namespace Gateway.Core.Rules.Beam;

/// <summary>The applications a node runs (name → version), read from <c>erlang_vm_application_info</c>.</summary>
public sealed record NodeApplications(string Node, IReadOnlyDictionary<string, string> Versions)
{
    public static NodeApplications From(NodeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (BeamSnapshotValues.Family(snapshot, "erlang_vm_application_info") is { } family)
        {
            foreach (var sample in family.Samples)
            {
                if (sample.Labels.Get("application") is { Length: > 0 } app)
                {
                    versions[app] = sample.Labels.Get("version") ?? string.Empty;
                }
            }
        }
        return new NodeApplications(snapshot.Node.Instance, versions);
    }

    /// <summary>Same applications with the same versions.</summary>
    public bool SameAs(NodeApplications? other) =>
        other is not null
        && other.Versions.Count == Versions.Count
        && Versions.All(kv => other.Versions.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal));
}
