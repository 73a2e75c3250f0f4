namespace Gateway.Core.Rules;

/// <summary>One log-pattern rule (<c>alarms.logRules[i]</c>): notifications matching a regex raise an alarm.</summary>
public sealed class LogRuleOptions
{
    /// <summary>Rule name; also the alarm type. Unique among log rules.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Regex searched in the notification message (not anchored). Named groups feed the templates.</summary>
    public string Pattern { get; set; } = string.Empty;

    /// <summary>Only notifications at or above this syslog level (emergency … debug) raise; default: every level. The clear pattern ignores it.</summary>
    public string? MinLevel { get; set; }

    /// <summary>critical, major, minor or warning.</summary>
    public string Severity { get; set; } = "major";

    /// <summary>Regex that clears the alarm of the same node and resource when a notification matches it.</summary>
    public string? ClearPattern { get; set; }

    /// <summary>Clear after no match for this long; 0 = only the clear pattern (or an operator) clears.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Alarm resource template (<c>{{match.NAME}}</c>, <c>{{node}}</c>, <c>{{rule}}</c>); default: the rule name.</summary>
    public string? Resource { get; set; }

    /// <summary>Description template: <c>{{message}}</c>, <c>{{level}}</c>, <c>{{node}}</c>, <c>{{rule}}</c>, <c>{{match.NAME}}</c>; default: the message.</summary>
    public string? Description { get; set; }
}
