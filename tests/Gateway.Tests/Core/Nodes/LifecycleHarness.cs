using System.Diagnostics;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Rules;
using Gateway.Core.Store;
using Gateway.Tests.Collector.Beam;
using Gateway.Tests.Core.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Nodes;

/// <summary>
/// The evaluation loop with only the node lifecycle in it, on a store the test writes as the intake
/// would, with the alarm manager and lifecycle state in <paramref name="dataDir"/> (a restart is a new
/// harness on the same folder) and a fake clock.
/// </summary>
internal sealed class LifecycleHarness : IAsyncDisposable
{
    private readonly AlarmManager alarms;
    private readonly NodeLifecycleStore lifecycleStore;
    private readonly RuleEvaluationService loop;

    public LifecycleHarness(string dataDir, FakeTimeProvider time, AlarmsOptions? options = null)
    {
        Time = time;
        options ??= new AlarmsOptions { MinHold = TimeSpan.Zero };
        alarms = new AlarmManager(AlarmManager.PathFor(dataDir), Router, options, time, NullLogger<AlarmManager>.Instance);
        lifecycleStore = new NodeLifecycleStore(NodeLifecycleStore.PathFor(dataDir));
        loop = EvaluationLoop.Create(Store, alarms, Router, time, options: options, lifecycleStore: lifecycleStore, sets: []);
    }

    public FakeTimeProvider Time { get; }

    public MetricStore Store { get; } = new();

    public RecordingRouter Router { get; } = new();

    public AlarmManager Alarms => alarms;

    public IEnumerable<NodeEvent> NodeEvents => Router.Events.Select(e => e.NodeChange).OfType<NodeEvent>();

    public IEnumerable<AlarmEvent> AlarmEvents => Router.Events.Select(e => e.Alarm).OfType<AlarmEvent>();

    public Task StartAsync() => loop.StartAsync(CancellationToken.None);

    public void Up(NodeKey node, string source = "prometheus") =>
        Store.Update(
            new NodeSnapshot(node, Time.GetUtcNow(), [], LabelSet.Empty),
            new NodeStatus(node, source, true, Time.GetUtcNow(), TimeSpan.Zero, 0, null, null, new Dictionary<string, string>()));

    public void Down(NodeKey node, string source = "prometheus", string reason = "connection") =>
        Store.MarkFailed(new NodeStatus(node, source, false, Time.GetUtcNow(), TimeSpan.Zero, 0, "Connection refused", reason, new Dictionary<string, string>()));

    /// <summary>Waits until <paramref name="condition"/> holds (60 s hang guard, not a timing assertion).</summary>
    public static async Task WaitAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "hang guard: never " + what);
            await Task.Delay(10);
        }
    }

    /// <summary>Every change made so far has been through the loop: a marker node added after them was seen.</summary>
    public async Task DrainAsync()
    {
        var marker = new NodeKey("marker", Guid.NewGuid().ToString("N"));
        Up(marker);
        await WaitAsync(() => NodeEvents.Any(e => e.Node == marker.Instance), "drained");
        Store.Remove(marker);
        await WaitAsync(() => NodeEvents.Any(e => e.Node == marker.Instance && e.Kind == NodeEventKind.Removed), "marker removed");
    }

    public async ValueTask DisposeAsync()
    {
        await loop.StopAsync(CancellationToken.None);
        loop.Dispose();
        alarms.Dispose();
        lifecycleStore.Dispose();
    }
}
