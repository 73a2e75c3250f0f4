using Gateway.Collector.Beam;
using Gateway.Core.Intake;
using Gateway.Core.Store;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamEventForwarderTests
{
    private readonly RecordingRouter router = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    private BeamEventForwarder Forwarder() =>
        new(new CoreIntake(new MetricStore(), router, time: time), time, NullLogger<BeamEventForwarder>.Instance);

    private static ErlangAtom A(string name) => ErlangAtom.Of(name);

    [Fact]
    public async Task A_log_message_becomes_a_notification_with_time_level_text_and_metadata()
    {
        var log = ErlangMap.Of(
            (A("level"), A("error")),
            (A("time"), ErlangInteger.Of(1_795_675_613_575_123)),
            (A("text"), ErlangBinary.FromString("boom 42")),
            (A("meta"), ErlangMap.Of(
                (A("pid"), ErlangBinary.FromString("<0.90.0>")),
                (A("line"), ErlangInteger.Of(12)),
                (A("domain"), ErlangList.Of(A("otp"), A("sasl"))))));

        await Forwarder().HandleAsync(new ErlangTuple(A("gateway_log"), A("n1@host"), log), CancellationToken.None);

        var n = Assert.Single(router.Events).Notification!;
        Assert.Equal("n1@host", n.Node);
        Assert.Equal("error", n.Level);
        Assert.Equal("boom 42", n.Message);
        Assert.Equal("logger", n.Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_675_613_575).AddTicks(1230), n.Time);
        Assert.Equal("<0.90.0>", n.Metadata["pid"]);
        Assert.Equal("12", n.Metadata["line"]);
        Assert.Equal("otp,sasl", n.Metadata["domain"]);
    }

    [Fact]
    public async Task Without_an_alarm_manager_sasl_alarms_travel_as_alarm_handler_notifications()
    {
        var forwarder = Forwarder();

        await forwarder.HandleAsync(new ErlangTuple(A("gateway_alarm"), A("n1@host"),
            new ErlangTuple(A("set"), ErlangBinary.FromString("disk_almost_full"), ErlangBinary.FromString("/var 95%"))), CancellationToken.None);
        await forwarder.HandleAsync(new ErlangTuple(A("gateway_alarm"), A("n1@host"),
            new ErlangTuple(A("clear"), ErlangBinary.FromString("disk_almost_full"))), CancellationToken.None);

        var events = router.Events.Select(e => e.Notification!).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, n => Assert.Equal("alarm_handler", n.Source));
        Assert.Equal("alarm set: disk_almost_full: /var 95%", events[0].Message);
        Assert.Equal("warning", events[0].Level);
        Assert.Equal("alarm cleared: disk_almost_full", events[1].Message);
        Assert.Equal(time.GetUtcNow(), events[1].Time);
    }

    [Fact]
    public async Task Unexpected_messages_are_dropped()
    {
        await Forwarder().HandleAsync(new ErlangTuple(A("hello"), A("n1@host"), A("x")), CancellationToken.None);
        await Forwarder().HandleAsync(A("junk"), CancellationToken.None);

        Assert.Empty(router.Events);
    }
}
