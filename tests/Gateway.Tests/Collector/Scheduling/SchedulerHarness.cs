using Gateway.Collector;
using Gateway.Collector.Scheduling;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Intake;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Collector.Scheduling;

/// <summary>A started scheduler on a fake clock with a test-driven provider.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    public SchedulerHarness(Func<ScrapeTarget, CancellationToken, Task<ScrapeResult>> behaviour, int concurrency = 64, TimeSpan? maxBackoff = null, ILogger<ScrapeScheduler>? logger = null, ITargetProvider? extraProvider = null)
    {
        Source = new FakeNodeSource(Time, behaviour);
        Statistics = new ScrapeStatistics(SelfMetrics);
        Scheduler = new ScrapeScheduler(
            extraProvider is null ? [Provider] : [Provider, extraProvider],
            [Source],
            new CoreIntake(Store),
            Statistics,
            Options.Create(new CollectOptions { Concurrency = concurrency, MaxBackoff = maxBackoff ?? TimeSpan.FromMinutes(5) }),
            Time,
            logger ?? NullLogger<ScrapeScheduler>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ChannelTargetProvider Provider { get; } = new();

    public FakeNodeSource Source { get; }

    public MetricStore Store { get; } = new();

    /// <summary>The gateway's own registry, where <see cref="Statistics"/> keeps its duration histogram.</summary>
    public SelfMetrics SelfMetrics { get; } = new("gw");

    public ScrapeStatistics Statistics { get; }

    public ScrapeScheduler Scheduler { get; }

    public static ScrapeResult Ok { get; } = ScrapeResult.Success(
        [new MetricFamily("up", MetricType.Gauge, "", [new Sample("up", LabelSet.Empty, 1)])],
        new Dictionary<string, string> { ["fact"] = "yes" });

    /// <summary>Builds a label set through the IEnumerable overload.</summary>
    public static LabelSet Labels(params (string Name, string Value)[] labels) =>
        LabelSet.Create(labels.Select(l => new Label(l.Name, l.Value)));

    public static ScrapeTarget Target(string instance, TimeSpan interval, TimeSpan timeout, LabelSet? labels = null) =>
        new(new NodeKey("job", instance), "fake", instance, labels ?? LabelSet.Empty, interval, timeout);

    public async Task StartAsync(params ScrapeTarget[] targets)
    {
        await Scheduler.StartAsync(CancellationToken.None);
        Provider.Publish("group", targets);
        // With no targets of its own there is nothing to wait for (and another provider of the test may
        // already have added some: waiting for a count of 0 would race with it).
        if (targets.Length > 0)
        {
            await Eventually.TrueAsync(() => Scheduler.TargetCount == targets.Length, $"{targets.Length} targets scheduled");
        }
    }

    /// <summary>Advances the fake clock one step at a time, letting triggered collections finish after each.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            Time.Advance(step);
            await IdleAsync();
        }
    }

    public Task IdleAsync() => Eventually.TrueAsync(() => Scheduler.PendingScrapes == 0, "scheduler idle");

    public async ValueTask DisposeAsync()
    {
        await Scheduler.StopAsync(CancellationToken.None);
        Scheduler.Dispose();
    }
}
