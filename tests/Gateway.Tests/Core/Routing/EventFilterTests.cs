using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Tests.Core.Routing;

public sealed class EventFilterTests
{
    [Theory]
    [InlineData(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared, false)]
    [InlineData(AlarmEventKind.Raised, Severity.Major, Severity.Cleared, true)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Critical, Severity.Minor, true)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Minor, Severity.Major, true)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Warning, Severity.Minor, false)]
    [InlineData(AlarmEventKind.Cleared, Severity.Cleared, Severity.Major, true)]
    [InlineData(AlarmEventKind.Cleared, Severity.Cleared, Severity.Minor, false)]
    [InlineData(AlarmEventKind.Acknowledged, Severity.Critical, Severity.Critical, true)]
    public void Min_severity_passes_an_alarm_event_whose_new_or_previous_severity_reaches_it(AlarmEventKind kind, Severity severity, Severity previous, bool passes)
    {
        var filter = EventFilter.From(new PushExporterOptions { MinSeverity = "major" });

        Assert.Equal(passes, filter.Accepts(FilterEvents.Alarm(kind, severity, previous)));
    }

    [Fact]
    public void Min_severity_does_not_filter_notifications_or_node_events()
    {
        var filter = EventFilter.From(new PushExporterOptions { MinSeverity = "critical" });

        Assert.True(filter.Accepts(FilterEvents.Notification()));
        Assert.True(filter.Accepts(FilterEvents.Node(NodeEventKind.Down)));
    }

    [Fact]
    public void Events_select_kinds_by_name_or_group_and_absent_or_empty_means_all()
    {
        GatewayEvent[] all =
        [
            FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Major, Severity.Cleared),
            FilterEvents.Alarm(AlarmEventKind.SeverityChanged, Severity.Major, Severity.Minor),
            FilterEvents.Alarm(AlarmEventKind.Cleared, Severity.Cleared, Severity.Major),
            FilterEvents.Alarm(AlarmEventKind.Acknowledged, Severity.Major, Severity.Major),
            FilterEvents.Alarm(AlarmEventKind.Unacknowledged, Severity.Major, Severity.Major),
            FilterEvents.Alarm(AlarmEventKind.Commented, Severity.Major, Severity.Major),
            FilterEvents.Notification(),
            FilterEvents.Node(NodeEventKind.Up),
            FilterEvents.Node(NodeEventKind.Down),
            FilterEvents.Node(NodeEventKind.Removed),
        ];
        string Selected(params string[]? events)
        {
            var filter = EventFilter.From(new PushExporterOptions { Events = events?.ToList() });
            return string.Concat(all.Select(e => filter.Accepts(e) ? "1" : "0"));
        }

        Assert.Equal("1111111111", Selected(null));
        Assert.Equal("1111111111", Selected());
        Assert.Equal("1010000000", Selected("raised", "CLEARED"));
        Assert.Equal("0001110000", Selected("acknowledged", "unacknowledged", "commented"));
        Assert.Equal("0000001001", Selected("notification", "node_removed"));
        Assert.Equal("1111110000", Selected("alarms"));
        Assert.Equal("0000000111", Selected("nodes"));
        Assert.Equal("0100000110", Selected("severity_changed", "node_up", "node_down"));
    }

    [Fact]
    public void An_exporter_may_offer_its_own_event_names()
    {
        var snmpLike = new EventVocabulary([("alarms", EventTypes.Alarms), ("nodes", EventTypes.Nodes)]);

        Assert.Equal("alarms, nodes", snmpLike.Names);
        Assert.False(snmpLike.TryParse("raised", out _));
        Assert.Equal(EventTypes.Nodes, snmpLike.Parse(["Nodes"]));
    }

    [Theory]
    [InlineData("n1@host", "n1@host", true)]
    [InlineData("n1@host", "n1@host2", false)]
    [InlineData("mim*@*", "mim1@host1", true)]
    [InlineData("mim*@*", "mim@h", true)]
    [InlineData("mim*@*", "rabbit@mim1", false)]
    [InlineData("*@db?", "riak@db1", true)]
    [InlineData("*@db?", "riak@db12", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("N1@host", "n1@host", false)]
    public void Node_globs_match_star_and_question_mark_case_sensitively(string pattern, string node, bool matches)
    {
        Assert.Equal(matches, new NodeGlob(pattern).IsMatch(node));
    }

    [Fact]
    public void Groups_pass_only_events_whose_node_is_in_a_listed_group()
    {
        var filter = new EventFilter(groups: ["mongooseim"]);

        Assert.True(filter.Accepts(FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared, group: "mongooseim")));
        Assert.True(filter.Accepts(FilterEvents.Notification(group: "mongooseim")));
        Assert.True(filter.Accepts(FilterEvents.Node(NodeEventKind.Down, group: "mongooseim")));
        Assert.False(filter.Accepts(FilterEvents.Node(NodeEventKind.Down, group: "MongooseIM")));
        Assert.False(filter.Accepts(FilterEvents.Notification()));
    }

    [Fact]
    public void Filters_combine_and_an_event_must_pass_all_of_them()
    {
        var filter = EventFilter.From(new PushExporterOptions { MinSeverity = "major", Events = ["alarms"], Nodes = ["mim*"], Groups = ["mim"] });

        Assert.True(filter.Accepts(FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Major, Severity.Cleared, "mim1@h", "mim")));
        Assert.False(filter.Accepts(FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared, "mim1@h", "mim")));
        Assert.False(filter.Accepts(FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Major, Severity.Cleared, "db1@h", "mim")));
        Assert.False(filter.Accepts(FilterEvents.Notification("mim1@h", "mim")));
        Assert.True(EventFilter.All.Accepts(FilterEvents.Notification()));
    }
}
