using BenchmarkDotNet.Attributes;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Alarms;

/// <summary>
/// Outbox throughput on the real file system, per event: appends one at a time (each durable before
/// the next), from 8 concurrent producers (group commit), in batches of 100, and append + full
/// delivery to a no-op exporter. With synchronous=normal and full (fsync per commit).
/// </summary>
[MemoryDiagnoser]
public class OutboxBenchmarks
{
    private const int Events = 2_000;
    private string _dir = string.Empty;
    private EventOutbox _outbox = null!;
    private GatewayEvent[] _events = [];

    [Params(OutboxSynchronous.Normal, OutboxSynchronous.Full)]
    public OutboxSynchronous Synchronous { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var time = DateTimeOffset.UnixEpoch;
        _events = Enumerable.Range(0, Events).Select(i => i % 2 == 0
            ? GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Raised, new Alarm("0123456789abcdef", "node1@host", "high_run_queue", "high_run_queue", Severity.Major, "high_run_queue: run queue is 150 on node1@host (above 100)", time, time, 150, 100), Severity.Cleared, time))
            : GatewayEvent.From(new Notification(Guid.NewGuid(), "node1@host", time, "error", "gen_server my_server terminated with reason: badarg", new Dictionary<string, string> { ["pid"] = "<0.123.0>", ["mfa"] = "my_server:handle_call/3" }, "logger"))).ToArray();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "gateway-bench-outbox-" + Guid.NewGuid().ToString("N"));
        _outbox = new EventOutbox("bench", EventOutbox.PathFor(_dir, "bench"), new OutboxOptions { Synchronous = Synchronous }, TimeProvider.System, NullLogger.Instance);
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        _outbox.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "append 1 at a time")]
    public async Task AppendOneByOne()
    {
        foreach (var e in _events)
        {
            await _outbox.AppendAsync(e);
        }
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "append, 8 concurrent producers")]
    public Task AppendConcurrent() =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var i = p; i < _events.Length; i += 8)
            {
                await _outbox.AppendAsync(_events[i]);
            }
        })));

    [Benchmark(OperationsPerInvoke = Events, Description = "append in batches of 100")]
    public async Task AppendBatches()
    {
        for (var i = 0; i < _events.Length; i += 100)
        {
            await _outbox.AppendAsync(new ArraySegment<GatewayEvent>(_events, i, 100));
        }
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "append (batches of 100) + deliver all")]
    public async Task AppendAndDeliver()
    {
        await AppendBatches();
        var delivery = new OutboxDelivery(NoopExporter.Instance, _outbox, new OutboxOptions(), TimeProvider.System, NullLogger.Instance);
        while ((await delivery.DeliverOnceAsync(CancellationToken.None)).Outcome != DeliveryOutcome.Idle)
        {
        }
    }

    private sealed class NoopExporter : IEventExporter
    {
        public static readonly NoopExporter Instance = new();

        public string Name => "noop";

        public bool Accepts(GatewayEvent e) => true;

        public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DeliveryResult.Delivered);
    }
}
