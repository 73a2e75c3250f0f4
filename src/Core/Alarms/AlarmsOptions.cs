using Gateway.Core.Rules;
using Gateway.Core.Rules.Beam;

namespace Gateway.Core.Alarms;

/// <summary>The <c>alarms:</c> section. Defaults are documented in <c>README.md</c>.</summary>
public sealed class AlarmsOptions
{
    public const string Section = "alarms";

    /// <summary>An automatically cleared alarm stays active at least this long after it was raised (flap damping).</summary>
    public TimeSpan MinHold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a start, restored alarms that no evaluation confirmed by then are cleared.</summary>
    public TimeSpan StartupGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often due clears, the startup grace and history pruning are processed.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Alarm events older than this are pruned from the history.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most this many events are kept in the history (oldest pruned first).</summary>
    public int HistoryMaxEvents { get; set; } = 100_000;

    /// <summary>fsync on every commit of <c>alarms.db</c> (survives power loss); default: survives kill -9.</summary>
    public bool FullSync { get; set; }

    /// <summary>A node unreachable this long gets <c>node_down</c>, whatever its source (default 30 s; <c>alarms.beam.nodeDownAfter</c> is the older key).</summary>
    public TimeSpan? NodeDownAfter { get; set; }

    /// <summary>Severity of <c>node_down</c>; <c>off</c> disables it (default major; <c>alarms.beam.nodeDownSeverity</c> is the older key).</summary>
    public string? NodeDownSeverity { get; set; }

    /// <summary>How often the evaluation loop looks at what is due without a collection: node_down, log rules' quiet periods (default 1 s; <c>alarms.beam.checkInterval</c> is the older key).</summary>
    public TimeSpan? CheckInterval { get; set; }

    /// <summary>The built-in BEAM alarms (<c>alarms.beam</c>), bound and validated by the BEAM rule set's registration.</summary>
    public BeamAlarmOptions Beam { get; set; } = new();

    /// <summary><see cref="NodeDownAfter"/>, else the older key, else 30 s.</summary>
    public TimeSpan EffectiveNodeDownAfter => NodeDownAfter ?? Beam.NodeDownAfter ?? TimeSpan.FromSeconds(30);

    /// <summary><see cref="NodeDownSeverity"/>, else the older key, else major.</summary>
    public string EffectiveNodeDownSeverity => NodeDownSeverity ?? Beam.NodeDownSeverity ?? "major";

    /// <summary><see cref="CheckInterval"/>, else the older key, else 1 s.</summary>
    public TimeSpan EffectiveCheckInterval => CheckInterval ?? Beam.CheckInterval ?? TimeSpan.FromSeconds(1);

    /// <summary>User threshold rules.</summary>
    public List<ThresholdRuleOptions> Rules { get; set; } = [];

    /// <summary>Log-pattern rules over notifications.</summary>
    public List<LogRuleOptions> LogRules { get; set; } = [];
}
