using Gateway.Core.Events;

namespace Gateway.Core.Alarms;

/// <summary>A condition an evaluator sees as true right now on a node (an alarm that should be active).</summary>
public sealed record AlarmCondition(
    string Type,
    string Resource,
    Severity Severity,
    string Description,
    double? Value = null,
    double? Threshold = null);
