using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Exporters.Snmp;
using Gateway.Snmp.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>Alarm/node events and exporters built the way the registration builds them.</summary>
internal static class SnmpTestEvents
{
    public static readonly DateTimeOffset Raised = new(2026, 11, 26, 10, 20, 30, TimeSpan.Zero);

    public static Alarm Alarm(string resource, Severity severity = Severity.Major, string node = "n1@host1") => new(
        AlarmId.For(node, "disk_full", resource),
        node,
        "disk_full",
        resource,
        severity,
        "disk usage above threshold",
        Raised,
        Raised,
        93.5,
        90);

    public static GatewayEvent AlarmEvent(AlarmEventKind kind, Alarm alarm, Severity previous, DateTimeOffset time) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), kind, alarm, previous, time));

    /// <summary>Raised major → severity changed to critical → cleared, one second apart.</summary>
    public static GatewayEvent[] Lifecycle(string resource)
    {
        var alarm = Alarm(resource);
        return
        [
            AlarmEvent(AlarmEventKind.Raised, alarm, Severity.Cleared, Raised),
            AlarmEvent(AlarmEventKind.SeverityChanged, alarm with { Severity = Severity.Critical, UpdatedAt = Raised.AddSeconds(1) }, Severity.Major, Raised.AddSeconds(1)),
            AlarmEvent(AlarmEventKind.Cleared, alarm with { Severity = Severity.Cleared, UpdatedAt = Raised.AddSeconds(2) }, Severity.Critical, Raised.AddSeconds(2)),
        ];
    }

    public static GatewayEvent NodeDown(string node, DateTimeOffset time) => GatewayEvent.From(new NodeEvent(Guid.NewGuid(), node, NodeEventKind.Down, time, "timeout"));

    /// <summary>
    /// A destination of snmptrapd's users. An inform waits 30 s for its answer: snmptrapd answers in
    /// well under a millisecond, and a shorter timeout would let a busy machine turn an answer into
    /// "no response" and a retransmission (a second logged notification, another count in <c>Sent</c>).
    /// </summary>
    public static SnmpDestinationOptions Destination(string address, string version, bool inform, string authPass = "authpass123") => new()
    {
        Address = address,
        Version = version,
        Inform = inform,
        Timeout = inform ? TimeSpan.FromSeconds(30) : null,
        Community = "public",
        User = version == "v3" ? "gwuser" : null,
        Auth = version == "v3" ? new SnmpSecretOptions { Protocol = "SHA256", Passphrase = authPass } : null,
        Priv = version == "v3" ? new SnmpSecretOptions { Protocol = "AES128", Passphrase = "privpass123" } : null,
    };

    public static SnmpTrapExporter Exporter(SnmpExporterOptions options, SnmpEngine engine, TimeProvider? time = null)
    {
        var validation = new SnmpExporterOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var runtime = new SnmpRuntime(options, engine);
        return new SnmpTrapExporter(new SnmpDestinations(options).All[0], runtime.Engine, runtime.Mapper, time ?? TimeProvider.System, NullLogger<SnmpTrapExporter>.Instance);
    }
}
