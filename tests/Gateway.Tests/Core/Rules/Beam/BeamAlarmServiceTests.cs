using System.Diagnostics;
using Gateway.Core.Rules.Beam;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Core.Rules;
using Gateway.Tests.Collector.Beam;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Gateway.Tests.Core.Rules.Beam.Snapshots;

namespace Gateway.Tests.Core.Rules.Beam;

public sealed class BeamAlarmServiceTests : IAsyncLifetime
{
    private static readonly NodeKey N1 = new("beam", "n1@host");
    private static readonly NodeKey Barrier = new("beam", "barrier@host");
    private readonly TestDirectory dir = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly MetricStore store = new();
    private readonly RecordingRouter router = new();
    private readonly AlarmManager alarms;
    private readonly RuleEvaluationService service;

    public BeamAlarmServiceTests()
    {
        alarms = new AlarmManager(AlarmManager.PathFor(dir.Path), router, new AlarmsOptions { MinHold = TimeSpan.Zero }, time, NullLogger<AlarmManager>.Instance);
        service = EvaluationLoop.Create(store, alarms, router, time);
    }

    public Task InitializeAsync() => service.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        alarms.Dispose();
        dir.Dispose();
    }

    private void Up(NodeKey node, string? group = null, params MetricFamily[] families)
    {
        var labels = group is null ? LabelSet.Empty : LabelSet.Create(new Label("group", group));
        var info = group is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["group"] = group };
        store.Update(new NodeSnapshot(node, time.GetUtcNow(), families, labels), new NodeStatus(node, "beam", true, time.GetUtcNow(), TimeSpan.Zero, 1, null, null, info));
    }

    private void Down(NodeKey node) =>
        store.MarkFailed(new NodeStatus(node, "beam", false, time.GetUtcNow(), TimeSpan.Zero, 0, "connection refused", "connect", new Dictionary<string, string>()));

    private static MetricFamily[] EtsFull() => [Gauge("erlang_vm_memory_ets_tables", 8000), Gauge("erlang_vm_ets_limit", 8192)];

    private async Task<IReadOnlyList<Alarm>> WaitForAsync(NodeKey node, Func<IReadOnlyList<Alarm>, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var active = alarms.GetActive().Where(a => a.Node == node.Instance).ToList();
            if (condition(active))
            {
                return active;
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "hang guard: alarms never matched");
            await Task.Delay(10);
        }
    }

    // The service handles its queue in order: once a later change of another node is evaluated, every earlier one was.
    private async Task DrainAsync()
    {
        store.Remove(Barrier);
        await WaitForAsync(Barrier, a => a.Count == 0);
        Up(Barrier, null, EtsFull());
        await WaitForAsync(Barrier, a => a.Count == 1);
    }

    [Fact]
    public async Task Node_down_is_raised_30_seconds_after_the_first_failed_collection_and_cleared_by_the_next_good_one()
    {
        Up(N1, null, EtsFull());
        await WaitForAsync(N1, a => a.Any(x => x.Type == "ets_limit"));

        Down(N1);
        var downAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(29));
        await DrainAsync();
        // Until node_down is due the node keeps its alarms as they were.
        Assert.Equal(["ets_limit"], alarms.GetActive().Where(a => a.Node == N1.Instance).Select(a => a.Type));

        time.Advance(TimeSpan.FromSeconds(1));
        var down = await WaitForAsync(N1, a => a.Any(x => x.Type == "node_down"));
        // node_down replaces the figures of a node that cannot be read.
        var alarm = Assert.Single(down);
        Assert.Equal((Severity.Major, "node"), (alarm.Severity, alarm.Resource));
        Assert.True(alarm.RaisedAt - downAt >= TimeSpan.FromSeconds(30));

        Up(N1);
        await WaitForAsync(N1, a => a.Count == 0);
        Assert.Contains(router.Events, e => e.Alarm is { Alarm: { Type: "node_down", Severity: Severity.Cleared } });
    }

    [Fact]
    public async Task A_pending_node_is_never_down()
    {
        store.Register(N1, "beam");
        time.Advance(TimeSpan.FromMinutes(5));
        await DrainAsync();

        Assert.DoesNotContain(alarms.GetActive(), a => a.Node == N1.Instance);
    }

    [Fact]
    public async Task A_node_removed_from_the_store_has_its_alarms_cleared_at_once()
    {
        Up(N1, null, EtsFull());
        await WaitForAsync(N1, a => a.Count == 1);

        store.Remove(N1);

        await WaitForAsync(N1, a => a.Count == 0);
    }

    [Fact]
    public async Task A_node_going_down_no_longer_counts_in_its_group_and_its_peers_are_re_evaluated()
    {
        var n2 = new NodeKey("beam", "n2@host");
        Up(N1, "g", Apps(("kernel", "8.5")));
        Up(n2, "g", Apps(("kernel", "8.5"), ("extra", "1")));
        await WaitForAsync(N1, a => a.Any(x => x is { Type: "missing_application", Resource: "extra", Severity: Severity.Warning }));

        Down(n2);

        await WaitForAsync(N1, a => a.Count == 0);
    }

    [Fact]
    public async Task Prometheus_nodes_are_ignored()
    {
        var prom = new NodeKey("node", "host:9100");
        store.Update(new NodeSnapshot(prom, time.GetUtcNow(), EtsFull(), LabelSet.Empty),
            new NodeStatus(prom, "prometheus", true, time.GetUtcNow(), TimeSpan.Zero, 1, null, null, new Dictionary<string, string>()));
        await DrainAsync();

        Assert.DoesNotContain(alarms.GetActive(), a => a.Node == prom.Instance);
    }
}
