using Gateway.Core.Telemetry;
using Gateway.Core.Metrics;
using Gateway.Exporters.Prometheus;
using Gateway.Snmp.Agent;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// The SNMP agent's counters on <c>/metrics</c>: requests answered and requests dropped by reason
/// (bad community, wrong digest, unknown user … — the snmpInBadCommunityNames / usmStats* counters of
/// RFC 3418 and 3414), so probing with wrong credentials is visible without an SNMP manager.
/// </summary>
internal sealed class SnmpAgentFamilies(SnmpAgentService service) : IMetricFamilyProvider
{
    private const string Packets = "gateway_snmp_agent_packets_total";
    private const string Dropped = "gateway_snmp_agent_dropped_total";

    public IEnumerable<MetricFamily> Collect()
    {
        if (service.Agent?.Counters is not { } c)
        {
            yield break;
        }
        yield return new MetricFamily(Packets, MetricType.Counter, "SNMP packets the agent received (in) and sent (out).",
        [
            Sample(Packets, "direction", "in", c.SnmpInPkts),
            Sample(Packets, "direction", "out", c.SnmpOutPkts),
        ]);
        yield return new MetricFamily(Dropped, MetricType.Counter, "SNMP requests the agent dropped without an answer, by reason.",
        [
            Sample(Dropped, "reason", "bad_version", c.SnmpInBadVersions),
            Sample(Dropped, "reason", "bad_community", c.SnmpInBadCommunityNames),
            Sample(Dropped, "reason", "asn_parse_error", c.SnmpInAsnParseErrs),
            Sample(Dropped, "reason", "unexpected_pdu", c.SnmpInUnexpectedPdus),
            Sample(Dropped, "reason", "unknown_security_model", c.SnmpUnknownSecurityModels),
            Sample(Dropped, "reason", "unsupported_security_level", c.UsmStatsUnsupportedSecLevels),
            Sample(Dropped, "reason", "not_in_time_window", c.UsmStatsNotInTimeWindows),
            Sample(Dropped, "reason", "unknown_user", c.UsmStatsUnknownUserNames),
            Sample(Dropped, "reason", "unknown_engine_id", c.UsmStatsUnknownEngineIds),
            Sample(Dropped, "reason", "wrong_digest", c.UsmStatsWrongDigests),
            Sample(Dropped, "reason", "decryption_error", c.UsmStatsDecryptionErrors),
        ]);
    }

    private static Sample Sample(string name, string label, string value, long count) =>
        new(name, LabelSet.Create(new Label(label, value)), count);
}
