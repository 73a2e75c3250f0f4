using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Nodes;

namespace Gateway.Core.Rules.Beam;

/// <summary>
/// The built-in BEAM rules, pure: a node's snapshot (and the applications of the other live nodes of
/// its group) in, the full set of <see cref="AlarmCondition"/>s that hold now out. No I/O, no clock.
/// (<c>node_down</c> is the node lifecycle's, for every source: see <c>NodeLifecycle</c>.)
/// </summary>
public sealed class BeamAlarmEvaluator
{
    private readonly BeamAlarmOptions options;
    private readonly Severity applicationSeverity;
    private readonly Severity moduleClashSeverity;
    private readonly Severity oldCodeSeverity;

    public BeamAlarmEvaluator(BeamAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        applicationSeverity = RuleSeverity.Parse(options.ApplicationSeverity);
        moduleClashSeverity = RuleSeverity.Parse(options.ModuleClashSeverity);
        oldCodeSeverity = RuleSeverity.Parse(options.OldCodeSeverity);
    }

    /// <summary>Everything that holds on a live node. <paramref name="groupPeers"/>: the other live nodes of its group (empty without a group).</summary>
    public IReadOnlyList<AlarmCondition> Evaluate(NodeSnapshot snapshot, IReadOnlyCollection<NodeApplications> groupPeers)
    {
        ArgumentNullException.ThrowIfNull(groupPeers);
        return Evaluate(snapshot, GroupApplications.From(groupPeers));
    }

    /// <summary>
    /// Everything that holds on a live node, against what the live nodes of its group run
    /// (<paramref name="group"/> may include the node itself: it never differs from itself).
    /// </summary>
    public IReadOnlyList<AlarmCondition> Evaluate(NodeSnapshot snapshot, GroupApplications group)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(group);
        var conditions = new List<AlarmCondition>();
        if (!options.Enabled)
        {
            return conditions;
        }

        Limit(conditions, snapshot, BeamAlarmTypes.EtsLimit, "ETS tables", ["erlang_vm_memory_ets_tables", "erlang_vm_ets_tables"], "erlang_vm_ets_limit");
        Limit(conditions, snapshot, BeamAlarmTypes.ProcessLimit, "Processes", ["erlang_vm_process_count", "erlang_vm_processes"], "erlang_vm_process_limit");
        Limit(conditions, snapshot, BeamAlarmTypes.AtomLimit, "Atoms", ["erlang_vm_atom_count", "erlang_vm_atoms"], "erlang_vm_atom_limit");
        Limit(conditions, snapshot, BeamAlarmTypes.PortLimit, "Ports", ["erlang_vm_port_count", "erlang_vm_ports"], "erlang_vm_port_limit");
        MessageQueues(conditions, snapshot);
        Memory(conditions, snapshot);
        Applications(conditions, NodeApplications.From(snapshot), group);
        ModuleClashes(conditions, snapshot);
        OldCode(conditions, snapshot);
        return conditions;
    }

    /// <summary>Convenience for callers holding the peers' snapshots.</summary>
    public IReadOnlyList<AlarmCondition> Evaluate(NodeSnapshot snapshot, IEnumerable<NodeSnapshot> groupPeerSnapshots)
    {
        ArgumentNullException.ThrowIfNull(groupPeerSnapshots);
        return Evaluate(snapshot, groupPeerSnapshots.Select(NodeApplications.From).ToList());
    }

    private void Limit(List<AlarmCondition> conditions, NodeSnapshot snapshot, string type, string what, string[] countNames, string limitName)
    {
        var count = BeamSnapshotValues.Single(snapshot, countNames);
        var limit = BeamSnapshotValues.Single(snapshot, limitName);
        if (count is not { } c || limit is not { } l || l <= 0)
        {
            return;
        }
        var percent = c / l * 100;
        var levels = options.Limits;
        if (Level(percent, levels.Minor, levels.Major, levels.Critical) is { } hit)
        {
            conditions.Add(new AlarmCondition(type, BeamAlarmTypes.NodeResource, hit.Severity,
                Text($"{what}: {c:0} of {l:0} ({percent:0.#} %), {Name(hit.Severity)} at {hit.Threshold:0.#} %"),
                percent, hit.Threshold));
        }
    }

    private void MessageQueues(List<AlarmCondition> conditions, NodeSnapshot snapshot)
    {
        if (BeamSnapshotValues.Family(snapshot, "erlang_vm_process_message_queue_length") is not { } family)
        {
            return;
        }
        var mq = options.MessageQueue;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in family.Samples)
        {
            var pid = sample.Labels.Get("pid") ?? "undefined";
            var process = sample.Labels.Get("process") ?? "undefined";
            var registered = IsRegisteredName(process);
            var resource = registered ? process : pid;
            Severity severity;
            double threshold;
            if (mq.Critical is { } critical && sample.Value >= critical)
            {
                (severity, threshold) = (Severity.Critical, critical);
            }
            else if (sample.Value >= mq.Major)
            {
                (severity, threshold) = (Severity.Major, mq.Major);
            }
            else if (sample.Value >= mq.Minor)
            {
                (severity, threshold) = (Severity.Minor, mq.Minor);
            }
            else
            {
                continue;
            }
            if (!seen.Add(resource))
            {
                continue;
            }
            var who = registered ? $"{process} ({pid})" : $"{pid} ({process})";
            conditions.Add(new AlarmCondition(BeamAlarmTypes.MessageQueue, resource, severity,
                Text($"Message queue of {who}: {sample.Value:0} messages, {Name(severity)} at {threshold:0}"),
                sample.Value, threshold));
        }
    }

    // The agent labels an unregistered process with its initial call (m:f/a) or "undefined".
    private static bool IsRegisteredName(string process) =>
        process != "undefined" && !(process.Contains(':', StringComparison.Ordinal) && process.Contains('/', StringComparison.Ordinal));

    private void Memory(List<AlarmCondition> conditions, NodeSnapshot snapshot)
    {
        if (options.Memory.Bound is not { } bound || bound <= 0)
        {
            return;
        }
        // kind=system + kind=processes = erlang:memory(total).
        if (BeamSnapshotValues.Sum(snapshot, "erlang_vm_memory_bytes_total", "erlang_vm_memory_bytes") is not { } total)
        {
            return;
        }
        var percent = total / bound * 100;
        var m = options.Memory;
        if (Level(percent, m.Minor, m.Major, m.Critical) is { } hit)
        {
            conditions.Add(new AlarmCondition(BeamAlarmTypes.Memory, BeamAlarmTypes.NodeResource, hit.Severity,
                Text($"BEAM memory: {total:0} of {bound} bytes ({percent:0.#} %), {Name(hit.Severity)} at {hit.Threshold:0.#} %"),
                total, bound * hit.Threshold / 100));
        }
    }

    private void Applications(List<AlarmCondition> conditions, NodeApplications self, GroupApplications group)
    {
        if (applicationSeverity == Severity.Cleared)
        {
            return;
        }
        foreach (var (app, byVersion) in group.Versions)
        {
            if (!self.Versions.TryGetValue(app, out var mine))
            {
                var on = string.Join(", ", byVersion.SelectMany(v => v.Value).Where(n => n != self.Node).Order(StringComparer.Ordinal).Take(5));
                if (on.Length > 0)
                {
                    conditions.Add(new AlarmCondition(BeamAlarmTypes.MissingApplication, app, applicationSeverity,
                        Text($"Application {app} is not running here but runs on other nodes of the group ({on})")));
                }
                continue;
            }
            // The node itself is only in the list of its own version, so the other versions are other nodes.
            var others = byVersion.Where(v => !string.Equals(v.Key, mine, StringComparison.Ordinal)).ToList();
            if (others.Count > 0)
            {
                var detail = string.Join("; ", others.Select(v => $"{v.Key} on {string.Join(", ", v.Value.Take(5))}"));
                conditions.Add(new AlarmCondition(BeamAlarmTypes.DifferentApplicationVersions, app, applicationSeverity,
                    Text($"Application {app} runs version {mine} here, other nodes of the group run {detail}")));
            }
        }
    }

    private void ModuleClashes(List<AlarmCondition> conditions, NodeSnapshot snapshot)
    {
        if (moduleClashSeverity == Severity.Cleared || BeamSnapshotValues.Family(snapshot, "erlang_vm_module_clash_info") is not { } family)
        {
            return;
        }
        foreach (var sample in family.Samples)
        {
            if (sample.Labels.Get("module") is { Length: > 0 } module)
            {
                var paths = (sample.Labels.Get("paths") ?? string.Empty).Replace(BeamAlarmTypes.CodePathSeparator.ToString(), ", ", StringComparison.Ordinal);
                conditions.Add(new AlarmCondition(BeamAlarmTypes.ModuleClash, module, moduleClashSeverity,
                    Text($"Module {module} is in more than one code-path directory: {paths}")));
            }
        }
    }

    private void OldCode(List<AlarmCondition> conditions, NodeSnapshot snapshot)
    {
        if (oldCodeSeverity == Severity.Cleared || BeamSnapshotValues.Family(snapshot, "erlang_vm_old_code_module_info") is not { } family)
        {
            return;
        }
        foreach (var sample in family.Samples)
        {
            if (sample.Labels.Get("module") is { Length: > 0 } module)
            {
                conditions.Add(new AlarmCondition(BeamAlarmTypes.OldCode, module, oldCodeSeverity,
                    Text($"Module {module} has old code loaded (a purge is pending)")));
            }
        }
    }

    private static (Severity Severity, double Threshold)? Level(double percent, double minor, double major, double critical) =>
        percent >= critical ? (Severity.Critical, critical)
        : percent >= major ? (Severity.Major, major)
        : percent >= minor ? (Severity.Minor, minor)
        : null;

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
