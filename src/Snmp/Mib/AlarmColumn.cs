namespace Gateway.Snmp.Mib;

/// <summary>Columns of gwAlarmEntry.</summary>
public enum AlarmColumn : uint
{
    Id = 2,
    Node = 3,
    Type = 4,
    Resource = 5,
    Severity = 6,
    Description = 7,
    Time = 8,
    Value = 9,
    Threshold = 10,
}
