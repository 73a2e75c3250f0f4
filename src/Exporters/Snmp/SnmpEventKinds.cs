namespace Gateway.Exporters.Snmp;

/// <summary>SNMP's <c>events</c> values: which kinds of gateway events go out over SNMP.</summary>
[Flags]
public enum SnmpEventKinds
{
    None = 0,
    Alarms = 1,
    Nodes = 2,
    All = Alarms | Nodes,
}
