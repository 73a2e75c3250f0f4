using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Rules;
using Gateway.Tests.Core.Alarms;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Rules;

public sealed class LogRuleEngineTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingRouter _router = new();
    private readonly AlarmManager _alarms;

    public LogRuleEngineTests()
    {
        _alarms = new AlarmManager(AlarmManager.PathFor(_dir.Path), _router, new AlarmsOptions { MinHold = TimeSpan.Zero }, _time, NullLogger<AlarmManager>.Instance);
    }

    public void Dispose()
    {
        _alarms.Dispose();
        _dir.Dispose();
    }

    private LogRuleEngine Engine(params LogRuleOptions[] rules) => new(LogRuleEngine.Compile(rules), _alarms, _time);

    private static Notification Log(string message, string level = "error", string node = "n1@host") =>
        new(Guid.NewGuid(), node, DateTimeOffset.UnixEpoch, level, message, new Dictionary<string, string>(), "logger");

    private static LogRuleOptions Crashes() => new()
    {
        Name = "gen_server_crash",
        Pattern = @"gen_server (?<server>\w+) terminated",
        ClearPattern = @"(?<server>\w+) restarted",
        MinLevel = "error",
        Severity = "minor",
        Resource = "{{match.server}}",
        Description = "{{match.server}} crashed on {{node}}: {{message}}",
        QuietPeriod = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public async Task A_matching_notification_raises_with_the_templates_filled_in()
    {
        var engine = Engine(Crashes());

        await engine.ObserveAsync(Log("gen_server db_pool terminated with reason: timeout"));
        await engine.ObserveAsync(Log("gen_server db_pool terminated with reason: timeout"));

        var e = Assert.Single(_router.AlarmEvents);
        Assert.Equal(
            (AlarmEventKind.Raised, "gen_server_crash", "db_pool", Severity.Minor, "db_pool crashed on n1@host: gen_server db_pool terminated with reason: timeout"),
            (e.Kind, e.Alarm.Type, e.Alarm.Resource, e.Alarm.Severity, e.Alarm.Description));
    }

    [Fact]
    public async Task Notifications_below_the_minimum_level_are_ignored()
    {
        var engine = Engine(Crashes());

        await engine.ObserveAsync(Log("gen_server db_pool terminated", level: "info"));

        Assert.Empty(_router.Routed);
    }

    [Fact]
    public async Task The_clear_pattern_clears_the_alarm_of_the_same_resource()
    {
        var engine = Engine(Crashes());
        await engine.ObserveAsync(Log("gen_server db_pool terminated"));
        await engine.ObserveAsync(Log("gen_server cache terminated"));

        await engine.ObserveAsync(Log("db_pool restarted", level: "notice"));

        Assert.Equal("cache", Assert.Single(_alarms.GetActive()).Resource);
    }

    [Fact]
    public async Task A_quiet_period_without_matches_clears_the_alarm()
    {
        var engine = Engine(Crashes());
        await engine.ObserveAsync(Log("gen_server db_pool terminated"));
        _time.Advance(TimeSpan.FromMinutes(6));
        await engine.ObserveAsync(Log("gen_server db_pool terminated"));
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, await engine.ClearQuietAsync());

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(1, await engine.ClearQuietAsync());
        Assert.Empty(_alarms.GetActive());
    }

    [Fact]
    public void Invalid_log_rules_are_reported_with_their_paths()
    {
        var errors = AlarmsOptionsValidator.Check(new AlarmsOptions
        {
            LogRules =
            [
                new LogRuleOptions { Name = "x", Pattern = "(", MinLevel = "loud", Severity = "hot" },
                new LogRuleOptions { Name = "y", Pattern = "a(?<g>b)", Resource = "{{match.h}}" },
            ],
        });

        Assert.Contains(errors, e => e.StartsWith("alarms.logRules[0].pattern: \"(\" is not a valid regex", StringComparison.Ordinal));
        Assert.Contains("alarms.logRules[0].minLevel: \"loud\" is not one of emergency, alert, critical, error, warning, notice, info, debug", errors);
        Assert.Contains("alarms.logRules[0].severity: \"hot\" is not one of critical, major, minor, warning", errors);
        Assert.Contains(errors, e => e.StartsWith("alarms.logRules[1].resource: unknown placeholder {{match.h}}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Routed_notifications_reach_the_log_rules_through_the_queue()
    {
        var queue = new NotificationQueue();
        var router = new Gateway.Core.Routing.Router([], [queue]);

        await router.RouteAsync([Gateway.Core.Events.GatewayEvent.From(Log("gen_server db_pool terminated")), TestEvents.Alarm()]);

        Assert.True(queue.Reader.TryRead(out var seen));
        Assert.Equal("gen_server db_pool terminated", seen.Message);
        Assert.False(queue.Reader.TryRead(out _));
    }
}
