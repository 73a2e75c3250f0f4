namespace Gateway.Core.Rules.Beam;

/// <summary>The alarm types (and fixed resources) of the built-in BEAM alarms.</summary>
public static class BeamAlarmTypes
{
    public const string EtsLimit = "ets_limit";
    public const string ProcessLimit = "process_limit";
    public const string AtomLimit = "atom_limit";
    public const string PortLimit = "port_limit";
    public const string MessageQueue = "message_queue";
    public const string Memory = "memory";
    public const string NodeDown = "node_down";
    public const string DifferentApplicationVersions = "different_application_versions";
    public const string MissingApplication = "missing_application";
    public const string ModuleClash = "module_clash";
    public const string OldCode = "old_code";

    /// <summary>Resource of the alarms about the node as a whole (limits, memory, node_down).</summary>
    public const string NodeResource = "node";

    /// <summary>Separates the directories in the <c>paths</c> label of <c>erlang_vm_code_clash</c> (the collector writes it so).</summary>
    public const char CodePathSeparator = ':';
}
