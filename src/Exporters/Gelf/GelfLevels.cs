using Gateway.Core.Events;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// GELF's <c>level</c> is a syslog severity: 0 emergency, 1 alert, 2 critical, 3 error, 4 warning,
/// 5 notice, 6 informational, 7 debug.
/// </summary>
public static class GelfLevels
{
    public const int Emergency = 0;
    public const int Alert = 1;
    public const int Critical = 2;
    public const int Error = 3;
    public const int Warning = 4;
    public const int Notice = 5;
    public const int Informational = 6;
    public const int Debug = 7;

    /// <summary>A notification's level name (logger's levels and the usual abbreviations); unknown → informational.</summary>
    public static int FromLevelName(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "emergency" or "emerg" => Emergency,
        "alert" => Alert,
        "critical" or "crit" or "fatal" => Critical,
        "error" or "err" => Error,
        "warning" or "warn" => Warning,
        "notice" => Notice,
        "debug" or "trace" => Debug,
        _ => Informational,
    };

    /// <summary>
    /// An alarm event: a raise or severity change takes the alarm's severity (critical → 2 critical,
    /// major → 3 error, minor and warning → 4 warning, indeterminate → 5 notice); a clear, an
    /// acknowledgement or a comment is informational (6), so a Graylog alert on level ≤ 3 fires on
    /// problems, not on operators' actions.
    /// </summary>
    public static int FromAlarmEvent(AlarmEvent e) => e.Kind is AlarmEventKind.Raised or AlarmEventKind.SeverityChanged
        ? FromSeverity(e.Alarm.Severity)
        : Informational;

    public static int FromSeverity(Severity severity) => severity switch
    {
        Severity.Critical => Critical,
        Severity.Major => Error,
        Severity.Minor or Severity.Warning => Warning,
        Severity.Indeterminate => Notice,
        _ => Informational,
    };
}
