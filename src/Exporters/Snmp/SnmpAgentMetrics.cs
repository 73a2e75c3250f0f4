using Gateway.Core.Telemetry;
using Gateway.Snmp.Agent;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// The SNMP agent's counters in <see cref="SelfMetrics"/>: packets in and out
/// (<c>gateway_snmp_agent_packets_total{direction}</c>) and requests dropped by reason
/// (<c>gateway_snmp_agent_dropped_total{reason}</c>: bad community, wrong digest, unknown user … — the
/// snmpInBadCommunityNames / usmStats* counters of RFC 3418 and 3414), so probing with wrong
/// credentials is visible without an SNMP manager. The agent (Gateway.Snmp, which knows no metrics
/// library) counts; these mirror its counters before each collection, at 0 until it runs.
/// </summary>
internal static class SnmpAgentMetrics
{
    public const string Packets = "gateway_snmp_agent_packets_total";
    public const string Dropped = "gateway_snmp_agent_dropped_total";

    private static readonly (string Label, Func<SnmpAgentCounters, long> Read)[] Directions =
    [
        ("in", static c => c.SnmpInPkts),
        ("out", static c => c.SnmpOutPkts),
    ];

    private static readonly (string Label, Func<SnmpAgentCounters, long> Read)[] Reasons =
    [
        ("bad_version", static c => c.SnmpInBadVersions),
        ("bad_community", static c => c.SnmpInBadCommunityNames),
        ("asn_parse_error", static c => c.SnmpInAsnParseErrs),
        ("unexpected_pdu", static c => c.SnmpInUnexpectedPdus),
        ("unknown_security_model", static c => c.SnmpUnknownSecurityModels),
        ("unsupported_security_level", static c => c.UsmStatsUnsupportedSecLevels),
        ("not_in_time_window", static c => c.UsmStatsNotInTimeWindows),
        ("unknown_user", static c => c.UsmStatsUnknownUserNames),
        ("unknown_engine_id", static c => c.UsmStatsUnknownEngineIds),
        ("wrong_digest", static c => c.UsmStatsWrongDigests),
        ("decryption_error", static c => c.UsmStatsDecryptionErrors),
    ];

    /// <summary>Creates the counters in <paramref name="metrics"/> and keeps them up to date with the agent of <paramref name="service"/>.</summary>
    public static void Register(SelfMetrics metrics, SnmpAgentService service)
    {
        var packets = metrics.CreateCounter(Packets, "SNMP packets the agent received (in) and sent (out).", "direction");
        var dropped = metrics.CreateCounter(Dropped, "SNMP requests the agent dropped without an answer, by reason.", "reason");
        var byDirection = Array.ConvertAll(Directions, d => packets.WithLabels(d.Label));
        var byReason = Array.ConvertAll(Reasons, r => dropped.WithLabels(r.Label));
        metrics.BeforeCollect(() =>
        {
            if (service.Agent?.Counters is not { } counters)
            {
                return;
            }
            for (var i = 0; i < Directions.Length; i++)
            {
                byDirection[i].IncTo(Directions[i].Read(counters));
            }
            for (var i = 0; i < Reasons.Length; i++)
            {
                byReason[i].IncTo(Reasons[i].Read(counters));
            }
        });
    }
}
