namespace Gateway.Snmp.Agent;

/// <summary>
/// Exposes the agent's own counters in the MIB view: the snmp group of SNMPv2-MIB (RFC 3418 §4)
/// and usmStats (RFC 3414 §5), so a manager can see rejected requests without reading our logs.
/// </summary>
public sealed class SnmpCountersProvider : IMibTreeProvider
{
    private static readonly ObjectIdentifier SnmpInPkts0 = ObjectIdentifier.Parse("1.3.6.1.2.1.11.1.0");
    private static readonly ObjectIdentifier SnmpInBadVersions0 = ObjectIdentifier.Parse("1.3.6.1.2.1.11.3.0");
    private static readonly ObjectIdentifier SnmpUnknownSecurityModels0 = ObjectIdentifier.Parse("1.3.6.1.6.3.11.2.1.1.0");

    private readonly SnmpAgentCounters _counters;

    public SnmpCountersProvider(SnmpAgentCounters counters)
    {
        _counters = counters;
    }

    public MibSnapshot GetSnapshot() => MibSnapshot.Create(
    [
        Counter(SnmpInPkts0, _counters.SnmpInPkts),
        Counter(SnmpInBadVersions0, _counters.SnmpInBadVersions),
        Counter(SnmpOids.SnmpInBadCommunityNames0, _counters.SnmpInBadCommunityNames),
        Counter(SnmpOids.SnmpInAsnParseErrs0, _counters.SnmpInAsnParseErrs),
        Counter(SnmpUnknownSecurityModels0, _counters.SnmpUnknownSecurityModels),
        Counter(SnmpOids.UsmStatsUnsupportedSecLevels0, _counters.UsmStatsUnsupportedSecLevels),
        Counter(SnmpOids.UsmStatsNotInTimeWindows0, _counters.UsmStatsNotInTimeWindows),
        Counter(SnmpOids.UsmStatsUnknownUserNames0, _counters.UsmStatsUnknownUserNames),
        Counter(SnmpOids.UsmStatsUnknownEngineIds0, _counters.UsmStatsUnknownEngineIds),
        Counter(SnmpOids.UsmStatsWrongDigests0, _counters.UsmStatsWrongDigests),
        Counter(SnmpOids.UsmStatsDecryptionErrors0, _counters.UsmStatsDecryptionErrors),
    ]);

    // Counter32 wraps, as the SMI defines.
    private static VarBind Counter(ObjectIdentifier oid, long value) => new(oid, SnmpValue.Counter32(unchecked((uint)value)));
}
