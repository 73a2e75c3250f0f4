namespace Gateway.Snmp;

/// <summary>Well-known OIDs from SNMPv2-MIB (RFC 3418) and SNMP-USER-BASED-SM-MIB (RFC 3414).</summary>
public static class SnmpOids
{
    public static ObjectIdentifier SysDescr0 { get; } = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");

    public static ObjectIdentifier SysObjectId0 { get; } = ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0");

    public static ObjectIdentifier SysUpTime0 { get; } = ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0");

    public static ObjectIdentifier SysName0 { get; } = ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0");

    public static ObjectIdentifier SnmpTrapOid0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.4.1.0");

    public static ObjectIdentifier SnmpTrapEnterprise0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.4.3.0");

    /// <summary>snmpTraps: the generic traps coldStart(1) … authenticationFailure(5) live under it (RFC 3418).</summary>
    public static ObjectIdentifier SnmpTraps { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5");

    public static ObjectIdentifier SnmpInBadCommunityNames0 { get; } = ObjectIdentifier.Parse("1.3.6.1.2.1.11.4.0");

    public static ObjectIdentifier SnmpInAsnParseErrs0 { get; } = ObjectIdentifier.Parse("1.3.6.1.2.1.11.6.0");

    public static ObjectIdentifier UsmStatsUnsupportedSecLevels0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.1.0");

    public static ObjectIdentifier UsmStatsNotInTimeWindows0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.2.0");

    public static ObjectIdentifier UsmStatsUnknownUserNames0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.3.0");

    public static ObjectIdentifier UsmStatsUnknownEngineIds0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.4.0");

    public static ObjectIdentifier UsmStatsWrongDigests0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.5.0");

    public static ObjectIdentifier UsmStatsDecryptionErrors0 { get; } = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.6.0");
}
