using Gateway.Core.Rules;

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

    /// <summary>User threshold rules.</summary>
    public List<ThresholdRuleOptions> Rules { get; set; } = [];

    /// <summary>Log-pattern rules over notifications.</summary>
    public List<LogRuleOptions> LogRules { get; set; } = [];
}
