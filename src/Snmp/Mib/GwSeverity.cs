namespace Gateway.Snmp.Mib;

/// <summary>GwSeverity TC: the ItuPerceivedSeverity values of ITU-ALARM-TC-MIB (RFC 3877).</summary>
public enum GwSeverity
{
    Cleared = 1,
    Indeterminate = 2,
    Critical = 3,
    Major = 4,
    Minor = 5,
    Warning = 6,
}
