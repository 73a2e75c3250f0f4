namespace Gateway.Snmp.Mib;

/// <summary>Columns of gwNodeEntry.</summary>
public enum NodeColumn : uint
{
    Name = 2,
    Status = 3,
    LastSeen = 4,
}
