using System.Text;
using Gateway.Core.Events;
using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfEventMapperTests
{
    private static readonly DateTimeOffset Time = new(2026, 12, 2, 10, 0, 0, 250, TimeSpan.Zero);
    private static readonly Guid EventId = Guid.Parse("11111111-2222-3333-4444-555555555555");

    [Fact]
    public void An_alarm_raise_is_the_exact_message_with_every_alarm_field()
    {
        var alarm = new Alarm("a1b2", "n1@host", "disk_full", "/var", Severity.Major, "disk /var is 95% full", Time.AddMinutes(-1), Time, 95, 90, Group: "db");
        var e = GatewayEvent.From(new AlarmEvent(EventId, AlarmEventKind.Raised, alarm, Severity.Cleared, Time));

        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(GelfEventMapper.Map(e)));

        Assert.Equal(
            """{"version":"1.1","host":"n1@host","short_message":"alarm raised major disk_full on n1@host resource=/var: disk /var is 95% full","timestamp":1796205600.25,"level":3,"_node":"n1@host","_event":"raised","_event_id":"11111111-2222-3333-4444-555555555555","_alarm_id":"a1b2","_type":"disk_full","_resource":"/var","_severity":"major","_previous_severity":"cleared","_description":"disk /var is 95% full","_raised_at":"2026-12-02T09:59:00.2500000Z","_acknowledged":"false","_group":"db","_value":95,"_threshold":90}""",
            json);
    }

    [Theory]
    [InlineData(AlarmEventKind.Raised, Severity.Critical, 2)]
    [InlineData(AlarmEventKind.Raised, Severity.Major, 3)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Minor, 4)]
    [InlineData(AlarmEventKind.Raised, Severity.Warning, 4)]
    [InlineData(AlarmEventKind.Raised, Severity.Indeterminate, 5)]
    [InlineData(AlarmEventKind.Cleared, Severity.Cleared, 6)]
    [InlineData(AlarmEventKind.Acknowledged, Severity.Critical, 6)]
    [InlineData(AlarmEventKind.Commented, Severity.Critical, 6)]
    public void Alarm_levels_follow_the_severity_for_problems_and_are_informational_for_the_rest(AlarmEventKind kind, Severity severity, int level)
    {
        var alarm = new Alarm("id", "n", "t", "r", severity, "d", Time, Time);

        Assert.Equal(level, GelfEventMapper.Map(new AlarmEvent(EventId, kind, alarm, Severity.Major, Time)).Level);
    }

    [Fact]
    public void A_comment_goes_into_full_message_and_its_own_field()
    {
        var alarm = new Alarm("id", "n1@host", "t", "r", Severity.Minor, "d", Time, Time);

        var message = GelfEventMapper.Map(new AlarmEvent(EventId, AlarmEventKind.Commented, alarm, Severity.Minor, Time, "looking into it"));

        Assert.Equal("alarm commented minor t on n1@host resource=r: d\n\ncomment: looking into it", message.FullMessage);
        Assert.Contains(GelfField.Of("comment", "looking into it"), message.Fields!);
        Assert.Contains(GelfField.Of("event", "commented"), message.Fields!);
    }

    [Fact]
    public void A_notification_keeps_its_first_line_short_its_text_full_and_every_metadata_entry()
    {
        var metadata = new Dictionary<string, string>
        {
            ["pid"] = "<0.123.0>",
            ["mfa"] = "{gen_server,terminate,2}",
            ["id"] = "42",
            ["node"] = "spoofed",
            ["report cb"] = "x",
        };
        var n = new Notification(EventId, "n1@host", Time, "error", "gen_server crashed\n** reason: badarg", metadata, "logger", "db");

        var message = GelfEventMapper.Map(GatewayEvent.From(n));
        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(message));

        Assert.Equal(
            """{"version":"1.1","host":"n1@host","short_message":"gen_server crashed","full_message":"gen_server crashed\n** reason: badarg","timestamp":1796205600.25,"level":3,"_node":"n1@host","_event":"notification","_event_id":"11111111-2222-3333-4444-555555555555","_source":"logger","_log_level":"error","_group":"db","_pid":"<0.123.0>","_mfa":"{gen_server,terminate,2}","_id_":"42","_meta_node":"spoofed","_report_cb":"x"}""",
            json);
    }

    [Theory]
    [InlineData("emergency", 0)]
    [InlineData("alert", 1)]
    [InlineData("critical", 2)]
    [InlineData("error", 3)]
    [InlineData("warning", 4)]
    [InlineData("notice", 5)]
    [InlineData("info", 6)]
    [InlineData("debug", 7)]
    [InlineData("whatever", 6)]
    public void Notification_levels_are_syslog_numbers(string level, int expected) =>
        Assert.Equal(expected, GelfLevels.FromLevelName(level));

    [Fact]
    public void A_node_down_names_the_node_job_group_and_reason()
    {
        var e = GatewayEvent.From(new NodeEvent(EventId, "n1@host", NodeEventKind.Down, Time, "timeout", "beam", "db"));

        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(GelfEventMapper.Map(e)));

        Assert.Equal(
            """{"version":"1.1","host":"n1@host","short_message":"node down n1@host: timeout","timestamp":1796205600.25,"level":4,"_node":"n1@host","_event":"node_down","_event_id":"11111111-2222-3333-4444-555555555555","_job":"beam","_group":"db","_reason":"timeout"}""",
            json);
    }

    [Fact]
    public void Node_up_and_removed_are_notices()
    {
        var up = GelfEventMapper.Map(new NodeEvent(EventId, "n1@host", NodeEventKind.Up, Time, null));
        var removed = GelfEventMapper.Map(new NodeEvent(EventId, "n1@host", NodeEventKind.Removed, Time, null));

        Assert.Equal(("node up n1@host", 5), (up.ShortMessage, up.Level));
        Assert.Equal(("node removed n1@host", 5), (removed.ShortMessage, removed.Level));
        Assert.Contains(GelfField.Of("event", "node_removed"), removed.Fields!);
    }
}
