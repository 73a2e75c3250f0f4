using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

/// <summary>
/// The BEAM nodes whose agent an operator removed (<c>DELETE /api/v1/nodes/{node}/agent</c>): they are
/// collected agentless until asked back. Kept in a JSON file (<c>&lt;dataDir&gt;/beam-agent-removed.json</c>,
/// a sorted array of node names, replaced atomically) so a restart does not load the agent again; without
/// a path only in memory. A missing file is an empty set; an unreadable one is logged and treated as
/// empty (and rewritten at the next change), never a start-up failure. Thread-safe.
/// </summary>
public sealed partial class BeamAgentRemovals
{
    private readonly string? path;
    private readonly ILogger? logger;
    private readonly HashSet<string> nodes = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public BeamAgentRemovals(string? path = null, ILogger<BeamAgentRemovals>? logger = null)
    {
        this.path = path;
        this.logger = logger;
        if (path is not null)
        {
            Load(path);
        }
    }

    public bool Contains(string node)
    {
        lock (gate)
        {
            return nodes.Contains(node);
        }
    }

    /// <summary>Records a removal; false when it was already recorded.</summary>
    public bool Add(string node) => Change(node, add: true);

    /// <summary>Forgets a removal; false when there was none.</summary>
    public bool Remove(string node) => Change(node, add: false);

    private bool Change(string node, bool add)
    {
        lock (gate)
        {
            var changed = add ? nodes.Add(node) : nodes.Remove(node);
            if (changed && path is not null)
            {
                Save(path);
            }
            return changed;
        }
    }

    private void Load(string file)
    {
        if (!File.Exists(file))
        {
            return;
        }
        try
        {
            var names = JsonSerializer.Deserialize<string[]>(File.ReadAllBytes(file)) ?? [];
            foreach (var name in names)
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    nodes.Add(name);
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            if (logger is not null)
            {
                LogUnreadable(logger, file, e.Message);
            }
        }
    }

    private void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temporary = file + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(nodes.Order(StringComparer.Ordinal).ToArray()));
        File.Move(temporary, file, overwrite: true);
    }

    [LoggerMessage(EventId = 1728, Level = LogLevel.Warning, Message = "Ignoring {File} (the nodes whose agent was removed on request): {Reason}; those nodes get the agent again")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);
}
