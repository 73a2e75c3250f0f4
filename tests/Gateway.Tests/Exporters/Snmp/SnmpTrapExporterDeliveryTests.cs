using System.Net;
using System.Net.Sockets;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Exporters.Snmp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>What the exporter tells the outbox: delivered, retry (when) or rejected — never a silent drop.</summary>
public sealed class SnmpTrapExporterDeliveryTests : IClassFixture<TrapdFixture>
{
    private readonly TrapdFixture _fixture;

    public SnmpTrapExporterDeliveryTests(TrapdFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task An_inform_to_a_dead_port_is_retry_and_is_delivered_once_snmptrapd_listens()
    {
        var port = FreeUdpPort.Next();
        var destination = SnmpTestEvents.Destination($"127.0.0.1:{port}", "v2c", inform: true);
        // The dead port waits out the whole timeout; the same exporter must then be answered in time.
        destination.Timeout = TimeSpan.FromSeconds(5);
        destination.Retries = 0;
        await using var exporter = SnmpTestEvents.Exporter(new SnmpExporterOptions { Destinations = [destination] }, _fixture.Engine);
        GatewayEvent[] batch = [SnmpTestEvents.Lifecycle("/dead-port")[0]];

        var first = await exporter.DeliverAsync(batch, CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(first);
        Assert.Contains("no response", retry.Reason, StringComparison.Ordinal);
        using var trapd = await SnmpTrapd.StartAsync("disableAuthorization yes\n", port);
        var second = await exporter.DeliverAsync(batch, CancellationToken.None);
        Assert.Equal(DeliveryResult.Delivered, second);
        await trapd.VarBindsOfAsync(batch[0].Alarm!.Alarm.Id);
    }

    [Fact]
    public async Task Over_the_rate_limit_the_exporter_asks_for_a_retry_and_later_sends_every_event_once()
    {
        var time = new FakeTimeProvider(SnmpTestEvents.Raised);
        var destination = SnmpTestEvents.Destination(_fixture.Trapd.Address, "v2c", inform: false);
        destination.TrapRateLimit = new SnmpRateLimitOptions { Rate = 5, Burst = 5 };
        await using var exporter = SnmpTestEvents.Exporter(new SnmpExporterOptions { Destinations = [destination] }, _fixture.Engine, time);
        var batch = Enumerable.Range(0, 20)
            .Select(i => SnmpTestEvents.AlarmEvent(AlarmEventKind.Raised, SnmpTestEvents.Alarm($"/rate/{i}"), Severity.Cleared, SnmpTestEvents.Raised))
            .ToArray();

        var first = await exporter.DeliverAsync(batch, CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(first);
        Assert.True(retry.After > TimeSpan.Zero, $"after = {retry.After}");
        Assert.Equal(5, exporter.Sent);
        // As the outbox does: after the wait it acknowledges what went through and hands back the rest.
        var attempts = 1;
        var result = first;
        IReadOnlyList<GatewayEvent> rest = batch;
        while (result is DeliveryResult.RetryResult r)
        {
            Assert.True(attempts++ < 10, "the batch never completed");
            time.Advance(r.After!.Value);
            rest = rest.Skip(r.DeliveredCount).ToArray();
            result = await exporter.DeliverAsync(rest, CancellationToken.None);
        }
        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(20, exporter.Sent);
        foreach (var e in batch)
        {
            await _fixture.Trapd.VarBindsOfAsync($"STRING: {e.Alarm!.Alarm.Id}\t");
        }
        Assert.All(batch, e => Assert.Single(_fixture.Trapd.Lines(), l => l.Contains($"STRING: {e.Alarm!.Alarm.Id}\t", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_v3_inform_with_a_wrong_password_is_rejected()
    {
        var destination = SnmpTestEvents.Destination(_fixture.Trapd.Address, "v3", inform: true, authPass: "wrongpass123");
        await using var exporter = SnmpTestEvents.Exporter(new SnmpExporterOptions { Destinations = [destination] }, _fixture.Engine);
        var e = SnmpTestEvents.Lifecycle("/wrong-password")[0];

        var result = await exporter.DeliverAsync([e], CancellationToken.None);

        var rejected = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.Contains("usmStatsWrongDigests", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrongpass123", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Trapd.Lines(), l => l.Contains(e.Alarm!.Alarm.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_the_exporter_does_not_send_leave_a_batch_delivered()
    {
        var destination = SnmpTestEvents.Destination(_fixture.Trapd.Address, "v2c", inform: true);
        await using var exporter = SnmpTestEvents.Exporter(new SnmpExporterOptions { Destinations = [destination] }, _fixture.Engine);
        var alarm = SnmpTestEvents.Alarm("/ack");
        var ack = SnmpTestEvents.AlarmEvent(AlarmEventKind.Acknowledged, alarm with { Acknowledged = true }, Severity.Major, SnmpTestEvents.Raised);
        var log = GatewayEvent.From(new Notification(Guid.NewGuid(), "n1@host1", SnmpTestEvents.Raised, "error", "boom", new Dictionary<string, string>(), "logger"));

        Assert.False(exporter.Accepts(ack));
        Assert.False(exporter.Accepts(log));
        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync([ack, log], CancellationToken.None));
        Assert.Equal(0, exporter.Sent);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_retry_and_is_resolved_again_on_the_next_attempt()
    {
        var options = new SnmpExporterOptions { Destinations = [SnmpTestEvents.Destination($"nms.test:{_fixture.Trapd.Port}", "v2c", inform: true)] };
        var runtime = new SnmpRuntime(options, _fixture.Engine);
        var dnsUp = false;
        Task<IPAddress[]> Resolve(string host, CancellationToken ct) =>
            dnsUp && host == "nms.test" ? Task.FromResult(new[] { IPAddress.Loopback }) : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        await using var exporter = new SnmpTrapExporter(new SnmpDestinations(options).All[0], runtime.Engine, runtime.Mapper, TimeProvider.System, NullLogger<SnmpTrapExporter>.Instance, Resolve);
        var e = SnmpTestEvents.Lifecycle("/dns")[0];

        var first = await exporter.DeliverAsync([e], CancellationToken.None);
        dnsUp = true;
        var second = await exporter.DeliverAsync([e], CancellationToken.None);

        Assert.Equal("snmp-nms.test-" + _fixture.Trapd.Port, exporter.Name);
        Assert.Contains("cannot reach nms.test", Assert.IsType<DeliveryResult.RetryResult>(first).Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryResult.Delivered, second);
        await _fixture.Trapd.VarBindsOfAsync(e.Alarm!.Alarm.Id);
    }
}
