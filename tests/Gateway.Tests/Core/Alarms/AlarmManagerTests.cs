using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Alarms;

public sealed class AlarmManagerTests : IDisposable
{
    private const string Node = "n1@host";
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingRouter _router = new();
    private readonly AlarmsOptions _options = new() { MinHold = TimeSpan.Zero, StartupGrace = TimeSpan.FromMinutes(5) };

    public void Dispose() => _dir.Dispose();

    private AlarmManager Open(RecordingRouter? router = null) =>
        new(AlarmManager.PathFor(_dir.Path), router ?? _router, _options, _time, NullLogger<AlarmManager>.Instance);

    private static AlarmCondition Condition(Severity severity, string type = "high_run_queue", string resource = "scheduler", double? value = null) =>
        new(type, resource, severity, $"{type} is {severity}", value);

    [Fact]
    public async Task Raise_emits_one_raised_event_and_a_repeated_report_emits_nothing()
    {
        using var alarms = Open();

        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major, value: 120)]);
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major, value: 130)]);

        var e = Assert.Single(_router.AlarmEvents);
        Assert.Equal(AlarmEventKind.Raised, e.Kind);
        Assert.Equal(Severity.Cleared, e.PreviousSeverity);
        Assert.Equal(Severity.Major, e.Alarm.Severity);
        Assert.Equal(AlarmId.For(Node, "high_run_queue", "scheduler"), e.Alarm.Id);
        var active = Assert.Single(alarms.GetActive());
        Assert.Equal(130, active.Value);
        Assert.Equal(e.Alarm.Id, _router.Routed[0].OrderingKey);
    }

    [Fact]
    public async Task Severity_up_and_down_emit_one_event_each()
    {
        using var alarms = Open();

        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Minor)]);
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Critical)]);
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Critical)]);
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Warning)]);

        Assert.Equal(
            [(AlarmEventKind.Raised, Severity.Cleared, Severity.Minor), (AlarmEventKind.SeverityChanged, Severity.Minor, Severity.Critical), (AlarmEventKind.SeverityChanged, Severity.Critical, Severity.Warning)],
            _router.AlarmEvents.Select(e => (e.Kind, e.PreviousSeverity, e.Alarm.Severity)));
        Assert.Equal(Severity.Warning, alarms.GetActive().Single().Severity);
    }

    [Fact]
    public async Task Clear_after_raise_emits_one_clear_event()
    {
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);

        await alarms.ReportAsync(Node, AlarmSources.Rules, []);
        await alarms.ReportAsync(Node, AlarmSources.Rules, []);

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], _router.AlarmEvents.Select(e => e.Kind));
        var cleared = _router.AlarmEvents.Last();
        Assert.Equal(Severity.Cleared, cleared.Alarm.Severity);
        Assert.Equal(Severity.Major, cleared.PreviousSeverity);
        Assert.Empty(alarms.GetActive());
    }

    [Fact]
    public async Task A_report_only_clears_alarms_of_its_own_source()
    {
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Beam, [Condition(Severity.Major, type: "ets_limit")]);
        await alarms.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Major, "full");

        await alarms.ReportAsync(Node, AlarmSources.Rules, []);

        Assert.Equal(2, alarms.ActiveCount);
    }

    [Fact]
    public async Task A_clear_within_the_minimum_hold_waits_until_the_hold_is_over()
    {
        _options.MinHold = TimeSpan.FromSeconds(30);
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);

        _time.Advance(TimeSpan.FromSeconds(10));
        await alarms.ReportAsync(Node, AlarmSources.Rules, []);
        await alarms.ProcessDueAsync();
        Assert.Single(alarms.GetActive());

        _time.Advance(TimeSpan.FromSeconds(20));
        await alarms.ProcessDueAsync();

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], _router.AlarmEvents.Select(e => e.Kind));
        Assert.Equal(_time.GetUtcNow(), _router.AlarmEvents.Last().Time);
        Assert.Empty(alarms.GetActive());
    }

    [Fact]
    public async Task A_condition_back_within_the_hold_cancels_the_pending_clear_without_events()
    {
        _options.MinHold = TimeSpan.FromSeconds(30);
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);
        _time.Advance(TimeSpan.FromSeconds(5));
        await alarms.ReportAsync(Node, AlarmSources.Rules, []);
        _time.Advance(TimeSpan.FromSeconds(5));
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);

        _time.Advance(TimeSpan.FromMinutes(5));
        await alarms.ProcessDueAsync();

        Assert.Equal([AlarmEventKind.Raised], _router.AlarmEvents.Select(e => e.Kind));
        Assert.Single(alarms.GetActive());
    }

    [Fact]
    public async Task Acknowledge_unacknowledge_and_comment_each_emit_an_event()
    {
        using var alarms = Open();
        var id = await alarms.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Major, "full");

        Assert.True(await alarms.AcknowledgeAsync(id, "looking"));
        Assert.False(await alarms.AcknowledgeAsync(id));
        Assert.True(alarms.Get(id)!.Acknowledged);
        Assert.True(await alarms.CommentAsync(id, "it is the logs"));
        Assert.True(await alarms.UnacknowledgeAsync(id));
        Assert.False(await alarms.UnacknowledgeAsync(id));
        Assert.False(await alarms.AcknowledgeAsync("0000000000000000"));

        Assert.Equal(
            [(AlarmEventKind.Raised, null), (AlarmEventKind.Acknowledged, "looking"), (AlarmEventKind.Commented, "it is the logs"), (AlarmEventKind.Unacknowledged, null)],
            _router.AlarmEvents.Select(e => (e.Kind, e.Comment)));
        Assert.False(alarms.Get(id)!.Acknowledged);
    }

    [Fact]
    public async Task Manual_clear_is_immediate_and_carries_the_comment()
    {
        _options.MinHold = TimeSpan.FromMinutes(10);
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);
        var id = alarms.GetActive().Single().Id;

        Assert.True(await alarms.ClearManuallyAsync(id, "fixed by hand"));

        var cleared = _router.AlarmEvents.Last();
        Assert.Equal((AlarmEventKind.Cleared, "fixed by hand"), (cleared.Kind, cleared.Comment));
        Assert.Empty(alarms.GetActive());
        Assert.False(await alarms.ClearManuallyAsync(id));
    }

    [Fact]
    public async Task External_alarms_are_raised_and_cleared_by_identity_or_by_id()
    {
        using var alarms = Open();
        var a = await alarms.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Major, "full");
        var b = await alarms.RaiseExternalAsync(Node, "disk_full", "/home", Severity.Minor, "nearly full");

        Assert.Equal(AlarmId.For(Node, "disk_full", "/var"), a);
        Assert.True(await alarms.ClearExternalAsync(Node, "disk_full", "/var"));
        Assert.True(await alarms.ClearExternalAsync(b));
        Assert.False(await alarms.ClearExternalAsync(b));

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Raised, AlarmEventKind.Cleared, AlarmEventKind.Cleared], _router.AlarmEvents.Select(e => e.Kind));
    }

    [Fact]
    public void The_same_identity_gives_the_same_id_everywhere()
    {
        var id = AlarmId.For("n1@host", "ets_limit", "node");

        Assert.Matches("^[0-9a-f]{16}$", id);
        Assert.Equal(id, AlarmId.For("n1@host", "ets_limit", "node"));
        Assert.NotEqual(id, AlarmId.For("n1@host", "ets_limitnode", ""));
        Assert.NotEqual(id, AlarmId.For("n2@host", "ets_limit", "node"));
        // Pinned: the id is part of the contract with exporters (dedup keys) and must never change.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("n1@host\0ets_limit\0node"u8))[..16], id);
    }

    [Fact]
    public async Task The_same_identity_gives_the_same_id_in_another_instance()
    {
        string first;
        using (var alarms = Open())
        {
            first = await alarms.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Major, "full");
        }
        using var other = new AlarmManager(Path.Combine(_dir.Path, "other.db"), new RecordingRouter(), _options, _time, NullLogger<AlarmManager>.Instance);

        Assert.Equal(first, await other.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Critical, "full"));
    }

    [Fact]
    public async Task Node_removal_clears_the_node_alarms_but_not_external_ones()
    {
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);
        await alarms.ReportAsync(Node, AlarmSources.Beam, [Condition(Severity.Minor, type: "ets_limit")]);
        await alarms.ReportAsync("n2@host", AlarmSources.Rules, [Condition(Severity.Major)]);
        var external = await alarms.RaiseExternalAsync(Node, "disk_full", "/var", Severity.Major, "full");

        Assert.Equal(2, await alarms.NodeRemovedAsync(Node));

        Assert.Equal(
            new[] { external, AlarmId.For("n2@host", "high_run_queue", "scheduler") }.Order(StringComparer.Ordinal),
            alarms.GetActive().Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Active_alarms_can_be_filtered()
    {
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major, resource: "a"), Condition(Severity.Warning, resource: "b"), Condition(Severity.Critical, type: "memory")]);
        await alarms.ReportAsync("n2@host", AlarmSources.Rules, [Condition(Severity.Minor)]);

        Assert.Equal(4, alarms.GetActive().Count);
        Assert.Equal([Severity.Critical, Severity.Major, Severity.Warning], alarms.GetActive(new AlarmFilter(Node: Node)).Select(a => a.Severity));
        Assert.Equal(2, alarms.GetActive(new AlarmFilter(Node: Node, Type: "high_run_queue")).Count);
        Assert.Single(alarms.GetActive(new AlarmFilter(Severity: Severity.Minor)));
        Assert.Equal(2, alarms.GetActive(new AlarmFilter(MinSeverity: Severity.Major)).Count);
        Assert.Equal(4, alarms.CountBySeverity().Values.Sum());
    }

    [Fact]
    public async Task History_returns_events_since_a_time_oldest_first()
    {
        using var alarms = Open();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Minor)]);
        _time.Advance(TimeSpan.FromMinutes(1));
        var middle = _time.GetUtcNow();
        await alarms.ReportAsync(Node, AlarmSources.Rules, [Condition(Severity.Major)]);
        _time.Advance(TimeSpan.FromMinutes(1));
        await alarms.ReportAsync(Node, AlarmSources.Rules, []);

        var since = await alarms.GetHistoryAsync(middle, 10);
        var latest = await alarms.GetHistoryAsync(null, 2);

        Assert.Equal([AlarmEventKind.SeverityChanged, AlarmEventKind.Cleared], since.Select(e => e.Kind));
        Assert.Equal([AlarmEventKind.SeverityChanged, AlarmEventKind.Cleared], latest.Select(e => e.Kind));
        Assert.Equal(_router.AlarmEvents.Last(), (await alarms.GetHistoryAsync(null, 1)).Single());
    }
}
