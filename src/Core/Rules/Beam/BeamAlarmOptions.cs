namespace Gateway.Core.Rules.Beam;

/// <summary>The <c>alarms.beam</c> section: the built-in BEAM alarms. Defaults are documented in <c>README.md</c>.</summary>
public sealed class BeamAlarmOptions
{
    public const string Section = "alarms:beam";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "alarms.beam";

    /// <summary>Off: no built-in BEAM alarm is raised; the ones raised before clear at their node's next evaluation.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>ETS tables, processes, atoms and ports against their limits, in percent.</summary>
    public PercentThresholds Limits { get; set; } = new();

    /// <summary>Message queue length of one process.</summary>
    public MessageQueueThresholds MessageQueue { get; set; } = new();

    /// <summary>Total BEAM memory against a configured bound (off while <see cref="MemoryThresholds.Bound"/> is unset).</summary>
    public MemoryThresholds Memory { get; set; } = new();

    /// <summary>The older key of <c>alarms.nodeDownAfter</c> (which wins when both are set).</summary>
    public TimeSpan? NodeDownAfter { get; set; }

    /// <summary>The older key of <c>alarms.nodeDownSeverity</c> (which wins when both are set).</summary>
    public string? NodeDownSeverity { get; set; }

    /// <summary>Severity of <c>different_application_versions</c> and <c>missing_application</c>; <c>off</c> disables both.</summary>
    public string ApplicationSeverity { get; set; } = "warning";

    /// <summary>Severity of <c>module_clash</c>; <c>off</c> disables the rule.</summary>
    public string ModuleClashSeverity { get; set; } = "major";

    /// <summary>Severity of <c>old_code</c>; <c>off</c> disables the rule.</summary>
    public string OldCodeSeverity { get; set; } = "minor";

    /// <summary>The older key of <c>alarms.checkInterval</c> (which wins when both are set).</summary>
    public TimeSpan? CheckInterval { get; set; }
}
