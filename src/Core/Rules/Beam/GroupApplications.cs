namespace Gateway.Core.Rules.Beam;

/// <summary>
/// What the live nodes of one group run: application → version → nodes (sorted). Built once per change
/// of the group's membership or applications and shared by the evaluations of all its nodes, so a
/// group of N nodes costs O(N × applications) per change instead of per node.
/// </summary>
public sealed class GroupApplications
{
    private GroupApplications(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> versions)
    {
        Versions = versions;
    }

    public static GroupApplications Empty { get; } = new(new SortedDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal));

    /// <summary>application → version → the nodes running it, in ordinal order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Versions { get; }

    public static GroupApplications From(IEnumerable<NodeApplications> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var versions = new SortedDictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var (app, version) in member.Versions)
            {
                if (!versions.TryGetValue(app, out var byVersion))
                {
                    versions[app] = byVersion = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
                }
                if (!byVersion.TryGetValue(version, out var nodes))
                {
                    byVersion[version] = nodes = [];
                }
                nodes.Add(member.Node);
            }
        }
        var result = new SortedDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (app, byVersion) in versions)
        {
            var sorted = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (version, nodes) in byVersion)
            {
                nodes.Sort(StringComparer.Ordinal);
                sorted[version] = nodes.AsReadOnly();
            }
            result[app] = sorted;
        }
        return new GroupApplications(result);
    }
}
