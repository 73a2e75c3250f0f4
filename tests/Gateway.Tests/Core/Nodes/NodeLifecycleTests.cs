using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Nodes;
using Gateway.Core.Rules.Beam;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Nodes;

public sealed class NodeLifecycleTests : IDisposable
{
    private static readonly NodeKey Http = new("node", "host:9100");
    private static readonly NodeKey Beam = new("beam", "n1@host");
    private readonly TestDirectory dir = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => dir.Dispose();

    private static List<(NodeEventKind Kind, string? Reason)> Of(LifecycleHarness h, NodeKey node) =>
        h.NodeEvents.Where(e => e.Node == node.Instance).Select(e => (e.Kind, e.Reason)).ToList();

    [Fact]
    public async Task Up_and_down_are_sent_once_per_transition_not_per_failed_collection()
    {
        await using var h = new LifecycleHarness(dir.Path, time);
        await h.StartAsync();

        h.Up(Http);
        h.Up(Http);
        await h.DrainAsync();
        for (var i = 0; i < 3; i++)
        {
            h.Down(Http);
            await h.DrainAsync();
        }
        h.Up(Http);
        await h.DrainAsync();

        Assert.Equal([(NodeEventKind.Up, null), (NodeEventKind.Down, "connection"), (NodeEventKind.Up, null)], Of(h, Http));
        var down = h.NodeEvents.Single(e => e.Node == Http.Instance && e.Kind == NodeEventKind.Down);
        Assert.Equal("node", down.Job);
    }

    [Fact]
    public async Task A_pending_node_sends_nothing()
    {
        await using var h = new LifecycleHarness(dir.Path, time);
        await h.StartAsync();

        h.Store.Register(Http, "prometheus");
        time.Advance(TimeSpan.FromMinutes(5));
        await h.DrainAsync();

        Assert.Empty(Of(h, Http));
        Assert.Empty(h.Alarms.GetActive());
    }

    [Fact]
    public async Task Any_node_gets_node_down_after_30_seconds_and_its_next_good_collection_clears_it()
    {
        await using var h = new LifecycleHarness(dir.Path, time);
        await h.StartAsync();
        h.Up(Http);
        h.Down(Http);
        var downAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(29));
        await h.DrainAsync();
        Assert.Empty(h.Alarms.GetActive());

        time.Advance(TimeSpan.FromSeconds(1));
        await LifecycleHarness.WaitAsync(() => h.Alarms.GetActive().Any(a => a.Type == "node_down"), "node_down raised");

        var alarm = Assert.Single(h.Alarms.GetActive());
        Assert.Equal((Http.Instance, "node", Severity.Major), (alarm.Node, alarm.Resource, alarm.Severity));
        Assert.True(alarm.RaisedAt - downAt >= TimeSpan.FromSeconds(30));
        Assert.Contains("connection", alarm.Description, StringComparison.Ordinal);

        h.Up(Http);
        await LifecycleHarness.WaitAsync(() => h.Alarms.GetActive().Count == 0, "node_down cleared");
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], h.AlarmEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task Node_down_delay_and_severity_are_configurable_and_off_disables_it()
    {
        await using (var h = new LifecycleHarness(dir.Path, time, new AlarmsOptions { MinHold = TimeSpan.Zero, NodeDownAfter = TimeSpan.FromSeconds(2), NodeDownSeverity = "critical" }))
        {
            await h.StartAsync();
            h.Down(Http);
            time.Advance(TimeSpan.FromSeconds(2));
            await LifecycleHarness.WaitAsync(() => h.Alarms.GetActive().Any(a => a is { Type: "node_down", Severity: Severity.Critical }), "critical node_down");
        }
        using var other = new TestDirectory();
        await using var off = new LifecycleHarness(other.Path, time, new AlarmsOptions { NodeDownSeverity = "off" });
        await off.StartAsync();
        off.Down(Http);
        time.Advance(TimeSpan.FromHours(1));
        await off.DrainAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await off.DrainAsync();

        Assert.Empty(off.Alarms.GetActive());
        Assert.Equal([(NodeEventKind.Down, "connection")], Of(off, Http));
    }

    [Fact]
    public async Task The_older_alarms_beam_keys_still_set_the_node_down_delay_and_severity()
    {
        var options = new AlarmsOptions { MinHold = TimeSpan.Zero, Beam = new BeamAlarmOptions { NodeDownAfter = TimeSpan.FromSeconds(5), NodeDownSeverity = "minor" } };
        await using var h = new LifecycleHarness(dir.Path, time, options);
        await h.StartAsync();

        h.Down(Beam, "beam");
        time.Advance(TimeSpan.FromSeconds(5));

        await LifecycleHarness.WaitAsync(() => h.Alarms.GetActive().Any(a => a is { Type: "node_down", Severity: Severity.Minor }), "minor node_down after 5 s");
        Assert.Equal(TimeSpan.FromSeconds(20), new AlarmsOptions { NodeDownAfter = TimeSpan.FromSeconds(20), Beam = options.Beam }.EffectiveNodeDownAfter);
    }

    [Fact]
    public async Task A_restart_with_nodes_unchanged_sends_no_node_event_and_no_alarm_event()
    {
        await using (var first = new LifecycleHarness(dir.Path, time))
        {
            await first.StartAsync();
            first.Up(Http);
            first.Down(Beam, "beam");
            time.Advance(TimeSpan.FromSeconds(31));
            await LifecycleHarness.WaitAsync(() => first.Alarms.GetActive().Any(a => a.Type == "node_down"), "node_down before the restart");
            await first.DrainAsync();
        }

        await using var second = new LifecycleHarness(dir.Path, time);
        await second.StartAsync();
        second.Store.Register(Http, "prometheus");
        second.Store.Register(Beam, "beam");
        await second.DrainAsync();
        second.Up(Http);
        second.Down(Beam, "beam");
        time.Advance(TimeSpan.FromMinutes(6)); // past the startup grace: the restored node_down was confirmed, not cleared
        await second.DrainAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await second.DrainAsync();

        Assert.Empty(Of(second, Http));
        Assert.Empty(Of(second, Beam));
        Assert.Empty(second.AlarmEvents);
        Assert.Single(second.Alarms.GetActive(), a => a.Type == "node_down" && a.Node == Beam.Instance);
    }

    [Fact]
    public async Task A_node_that_came_back_while_the_gateway_was_stopped_is_up_once_and_its_node_down_clears()
    {
        await using (var first = new LifecycleHarness(dir.Path, time))
        {
            await first.StartAsync();
            first.Down(Beam, "beam");
            time.Advance(TimeSpan.FromSeconds(31));
            await LifecycleHarness.WaitAsync(() => first.Alarms.GetActive().Any(a => a.Type == "node_down"), "node_down before the restart");
        }

        await using var second = new LifecycleHarness(dir.Path, time);
        await second.StartAsync();
        second.Up(Beam, "beam");

        await LifecycleHarness.WaitAsync(() => second.Alarms.GetActive().Count == 0, "node_down cleared");
        await second.DrainAsync();
        Assert.Equal([(NodeEventKind.Up, null)], Of(second, Beam));
        Assert.Equal([AlarmEventKind.Cleared], second.AlarmEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_removed_node_sends_removed_and_its_alarms_clear_once()
    {
        await using var h = new LifecycleHarness(dir.Path, time);
        await h.StartAsync();
        h.Up(Beam, "beam");
        await h.DrainAsync();
        await h.Alarms.RaiseAsync(Beam.Instance, AlarmSources.Rules, new AlarmCondition("high_run_queue", "q", Severity.Major, "d"));
        h.Down(Beam, "beam");
        time.Advance(TimeSpan.FromSeconds(31));
        await LifecycleHarness.WaitAsync(() => h.Alarms.GetActive().Count == 2, "node_down beside the rule alarm");

        h.Store.Remove(Beam);
        await LifecycleHarness.WaitAsync(() => h.Alarms.GetActive().Count == 0, "alarms cleared");
        await h.DrainAsync();

        Assert.Equal([(NodeEventKind.Up, null), (NodeEventKind.Down, "connection"), (NodeEventKind.Removed, null)], Of(h, Beam));
        Assert.Equal(2, h.AlarmEvents.Count(e => e.Kind == AlarmEventKind.Cleared));
    }

    [Fact]
    public async Task A_restored_node_that_no_discovery_lists_again_is_removed_after_the_startup_grace()
    {
        await using (var first = new LifecycleHarness(dir.Path, time))
        {
            await first.StartAsync();
            first.Up(Http);
            await first.DrainAsync();
        }

        await using var second = new LifecycleHarness(dir.Path, time);
        await second.StartAsync();
        time.Advance(TimeSpan.FromMinutes(4));
        await second.DrainAsync();
        Assert.Empty(Of(second, Http));

        time.Advance(TimeSpan.FromMinutes(1));
        await LifecycleHarness.WaitAsync(() => Of(second, Http).Count > 0, "removed after the grace");
        Assert.Equal([(NodeEventKind.Removed, null)], Of(second, Http));
    }
}
