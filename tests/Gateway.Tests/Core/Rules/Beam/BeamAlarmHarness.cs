using System.Diagnostics;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Options;
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

namespace Gateway.Tests.Core.Rules.Beam;

/// <summary>
/// A real <see cref="BeamSource"/> feeding a <see cref="MetricStore"/> (as the scheduler does), a
/// the evaluation loop (lifecycle + BEAM set) on that store and an <see cref="AlarmManager"/> in a temp dir routing
/// to a <see cref="RecordingRouter"/>. Collections are triggered by the test, one at a time.
/// </summary>
public sealed class BeamAlarmHarness : IAsyncDisposable
{
    private readonly TestDirectory dir = new();
    private readonly BeamSource source;
    private readonly BeamOptions beamOptions;
    private readonly RuleEvaluationService service;

    public BeamAlarmHarness(BeamSource source, BeamOptions beamOptions, BeamAlarmOptions options)
    {
        this.source = source;
        this.beamOptions = beamOptions;
        Alarms = new AlarmManager(AlarmManager.PathFor(dir.Path), Router, new AlarmsOptions { MinHold = TimeSpan.Zero }, TimeProvider.System, NullLogger<AlarmManager>.Instance);
        service = EvaluationLoop.Create(Store, Alarms, Router, TimeProvider.System, options);
    }

    public MetricStore Store { get; } = new();

    public RecordingRouter Router { get; } = new();

    public AlarmManager Alarms { get; }

    public Task StartAsync() => service.StartAsync(CancellationToken.None);

    /// <summary>One collection of <paramref name="node"/> into the store, as the scheduler would record it.</summary>
    public async Task<bool> CollectAsync(string node, string? group = null)
    {
        var key = new NodeKey("beam", node);
        var result = await source.ScrapeAsync(BeamTestSources.Target(beamOptions, node), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var info = new Dictionary<string, string>(result.Info);
        var labels = LabelSet.Empty;
        if (group is not null)
        {
            info["group"] = group;
            labels = LabelSet.Create(new Label("group", group));
        }
        if (result.Succeeded)
        {
            var snapshot = new NodeSnapshot(key, now, result.Families, labels);
            Store.Update(snapshot, new NodeStatus(key, "beam", true, now, TimeSpan.Zero, snapshot.SampleCount, null, null, info));
        }
        else
        {
            Store.MarkFailed(new NodeStatus(key, "beam", false, now, TimeSpan.Zero, 0, result.ErrorMessage, result.ErrorReason, info));
        }
        return result.Succeeded;
    }

    /// <summary>Waits until the active beam alarms of <paramref name="node"/> satisfy <paramref name="condition"/> (30 s hang guard, not a timing assertion).</summary>
    public async Task<IReadOnlyList<Alarm>> WaitForAsync(string node, Func<IReadOnlyList<Alarm>, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var active = Alarms.GetActive().Where(a => a.Node == node).ToList();
            if (condition(active))
            {
                return active;
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30),
                $"alarms of {node} never matched; active: {string.Join("; ", active.Select(a => $"{a.Type}/{a.Resource}/{a.Severity}"))}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        Alarms.Dispose();
        dir.Dispose();
    }
}
