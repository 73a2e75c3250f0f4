namespace Gateway.Snmp.Mib;

/// <summary>One alarm as GATEWAY-MIB shows it (a row of gwAlarmTable, or the objects of an alarm notification).</summary>
/// <param name="Index">gwAlarmIndex (≥ 1), stable for the alarm's life.</param>
/// <param name="Value">Measured value as text (invariant culture), empty when none.</param>
public sealed record GatewayAlarmInfo(
    uint Index,
    string Id,
    string Node,
    string Type,
    string Resource,
    GwSeverity Severity,
    string Description,
    DateTimeOffset Time,
    string Value = "",
    string Threshold = "");
