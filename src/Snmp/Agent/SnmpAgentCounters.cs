namespace Gateway.Snmp.Agent;

/// <summary>
/// The agent's SNMPv2-MIB snmp group and usmStats counters (RFC 3418, RFC 3414 §5). Bad input is
/// counted here instead of logged per packet.
/// </summary>
public sealed class SnmpAgentCounters
{
    internal long InPkts;
    internal long OutPkts;
    internal long InBadVersions;
    internal long InBadCommunityNames;
    internal long InAsnParseErrs;
    internal long InUnexpectedPdus;
    internal long UnknownSecurityModels;
    internal long UnsupportedSecLevels;
    internal long NotInTimeWindows;
    internal long UnknownUserNames;
    internal long UnknownEngineIds;
    internal long WrongDigests;
    internal long DecryptionErrors;
    internal long InternalErrors;

    public long SnmpInPkts => Interlocked.Read(ref InPkts);

    public long SnmpOutPkts => Interlocked.Read(ref OutPkts);

    public long SnmpInBadVersions => Interlocked.Read(ref InBadVersions);

    public long SnmpInBadCommunityNames => Interlocked.Read(ref InBadCommunityNames);

    public long SnmpInAsnParseErrs => Interlocked.Read(ref InAsnParseErrs);

    /// <summary>Well-formed messages with a PDU an agent does not take (Response, Trap, Report …).</summary>
    public long SnmpInUnexpectedPdus => Interlocked.Read(ref InUnexpectedPdus);

    public long SnmpUnknownSecurityModels => Interlocked.Read(ref UnknownSecurityModels);

    public long UsmStatsUnsupportedSecLevels => Interlocked.Read(ref UnsupportedSecLevels);

    public long UsmStatsNotInTimeWindows => Interlocked.Read(ref NotInTimeWindows);

    public long UsmStatsUnknownUserNames => Interlocked.Read(ref UnknownUserNames);

    public long UsmStatsUnknownEngineIds => Interlocked.Read(ref UnknownEngineIds);

    public long UsmStatsWrongDigests => Interlocked.Read(ref WrongDigests);

    public long UsmStatsDecryptionErrors => Interlocked.Read(ref DecryptionErrors);

    /// <summary>Requests that hit a bug in the agent (answered with nothing; the agent keeps running).</summary>
    public long AgentInternalErrors => Interlocked.Read(ref InternalErrors);
}
