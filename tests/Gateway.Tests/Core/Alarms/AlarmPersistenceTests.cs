using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Alarms;

/// <summary>Restarts, including ones without a clean shutdown: the first manager is simply abandoned.</summary>
public sealed class AlarmPersistenceTests : IDisposable
{
    private const string Node = "n1@host";
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly AlarmsOptions _options = new() { MinHold = TimeSpan.Zero, StartupGrace = TimeSpan.FromMinutes(5) };

    public void Dispose() => _dir.Dispose();

    private AlarmManager Open(RecordingRouter router) =>
        new(AlarmManager.PathFor(_dir.Path), router, _options, _time, NullLogger<AlarmManager>.Instance);

    private static AlarmCondition Condition(string resource, Severity severity = Severity.Major) =>
        new("high_run_queue", resource, severity, "run queue high", 120, 100);

    /// <summary>Raises alarms, acknowledges one, and abandons the manager without disposing it.</summary>
    private async Task<List<Alarm>> RaiseAndCrashAsync()
    {
        var crashed = Open(new RecordingRouter());
        await crashed.ReportAsync(Node, AlarmSources.Rules, [Condition("a"), Condition("b", Severity.Critical)]);
        await crashed.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Minor, "full");
        await crashed.AcknowledgeAsync(AlarmId.For(Node, "high_run_queue", "a"));
        return [.. crashed.GetActive()];
    }

    [Fact]
    public async Task A_restart_after_a_crash_restores_the_active_alarms_without_raising_them_again()
    {
        var before = await RaiseAndCrashAsync();
        _time.Advance(TimeSpan.FromSeconds(15));
        var router = new RecordingRouter();

        using var restarted = Open(router);
        await restarted.ReportAsync(Node, AlarmSources.Rules, [Condition("a"), Condition("b", Severity.Critical)]);
        await restarted.ProcessDueAsync();

        Assert.Equal(before, restarted.GetActive());
        Assert.Empty(router.Routed);
        Assert.True(restarted.Get(AlarmId.For(Node, "high_run_queue", "a"))!.Acknowledged);
    }

    [Fact]
    public async Task After_a_restart_re_evaluation_clears_conditions_that_are_gone()
    {
        await RaiseAndCrashAsync();
        var router = new RecordingRouter();

        using var restarted = Open(router);
        await restarted.ReportAsync(Node, AlarmSources.Rules, [Condition("b", Severity.Major)]);

        Assert.Equal(
            [(AlarmEventKind.SeverityChanged, "b"), (AlarmEventKind.Cleared, "a")],
            router.AlarmEvents.Select(e => (e.Kind, e.Alarm.Resource)).OrderBy(x => x.Kind));
        Assert.Equal(["/var", "b"], restarted.GetActive().Select(a => a.Resource).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Restored_alarms_nobody_confirms_are_cleared_after_the_startup_grace_except_external_ones()
    {
        await RaiseAndCrashAsync();
        var router = new RecordingRouter();
        using var restarted = Open(router);

        _time.Advance(TimeSpan.FromMinutes(4));
        await restarted.ProcessDueAsync();
        Assert.Equal(3, restarted.ActiveCount);

        _time.Advance(TimeSpan.FromMinutes(1));
        await restarted.ProcessDueAsync();

        Assert.Equal(2, router.AlarmEvents.Count(e => e.Kind == AlarmEventKind.Cleared));
        Assert.Equal("disk_full", Assert.Single(restarted.GetActive()).Type);
    }

    [Fact]
    public async Task Events_not_routed_before_a_crash_are_routed_after_the_restart_with_the_same_ids()
    {
        var broken = new RecordingRouter { Fail = true };
        var crashed = Open(broken);
        await Assert.ThrowsAsync<IOException>(() => crashed.ReportAsync(Node, AlarmSources.Rules, [Condition("a")]));
        // The state change is committed even though routing failed.
        Assert.Single(crashed.GetActive());
        var id = crashed.GetActive()[0].Id;
        var history = await crashed.GetHistoryAsync(null, 10);

        var router = new RecordingRouter();
        using var restarted = Open(router);
        await restarted.ProcessDueAsync();

        var routed = Assert.Single(router.AlarmEvents);
        Assert.Equal(AlarmEventKind.Raised, routed.Kind);
        Assert.Equal(id, routed.Alarm.Id);
        Assert.Equal(history.Single().EventId, routed.EventId);
        await restarted.ProcessDueAsync();
        Assert.Single(router.Routed);
    }

    [Fact]
    public async Task Unrouted_events_go_out_first_when_the_router_recovers()
    {
        var router = new RecordingRouter { Fail = true };
        using var alarms = Open(router);
        await Assert.ThrowsAsync<IOException>(() => alarms.ReportAsync(Node, AlarmSources.Rules, [Condition("a")]));

        router.Fail = false;
        await alarms.ReportAsync(Node, AlarmSources.Rules, []);

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], router.AlarmEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task History_survives_a_restart()
    {
        await RaiseAndCrashAsync();

        using var restarted = Open(new RecordingRouter());
        var history = await restarted.GetHistoryAsync(null, 100);

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Raised, AlarmEventKind.Raised, AlarmEventKind.Acknowledged], history.Select(e => e.Kind));
    }
}
