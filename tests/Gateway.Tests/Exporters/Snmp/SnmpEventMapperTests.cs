using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Gateway.Exporters.Snmp;
using Gateway.Snmp;
using Gateway.Snmp.Mib;

namespace Gateway.Tests.Exporters.Snmp;

public sealed class SnmpEventMapperTests
{
    private static readonly GatewayNotifications Mib = new();
    private static readonly DateTimeOffset T = SnmpTestEvents.Raised;

    private static GatewayEvent Event(AlarmEventKind kind, Severity severity, Severity previous) =>
        SnmpTestEvents.AlarmEvent(kind, SnmpTestEvents.Alarm("/x", severity), previous, T);

    [Fact]
    public void Each_alarm_and_node_event_maps_to_its_notification()
    {
        var mapper = new SnmpEventMapper(Mib);

        Assert.Equal(Mib.Oids.AlarmRaised, mapper.Map(Event(AlarmEventKind.Raised, Severity.Major, Severity.Cleared))!.TrapOid);
        Assert.Equal(Mib.Oids.AlarmSeverityChanged, mapper.Map(Event(AlarmEventKind.SeverityChanged, Severity.Critical, Severity.Major))!.TrapOid);
        Assert.Equal(Mib.Oids.AlarmCleared, mapper.Map(Event(AlarmEventKind.Cleared, Severity.Cleared, Severity.Major))!.TrapOid);
        Assert.Equal(Mib.Oids.NodeDown, mapper.Map(SnmpTestEvents.NodeDown("n1@host1", T))!.TrapOid);
        Assert.Equal(Mib.Oids.NodeUp, mapper.Map(GatewayEvent.From(new NodeEvent(Guid.NewGuid(), "n1@host1", NodeEventKind.Up, T, null)))!.TrapOid);
        Assert.Null(mapper.Map(Event(AlarmEventKind.Acknowledged, Severity.Major, Severity.Major)));
        Assert.Null(mapper.Map(Event(AlarmEventKind.Unacknowledged, Severity.Major, Severity.Major)));
        Assert.Null(mapper.Map(Event(AlarmEventKind.Commented, Severity.Major, Severity.Major)));
        Assert.False(mapper.Accepts(GatewayEvent.From(new Notification(Guid.NewGuid(), "n1@host1", T, "error", "m", new Dictionary<string, string>(), "logger"))));
    }

    [Fact]
    public void Alarm_varbinds_carry_the_severity_value_threshold_and_event_time()
    {
        var e = Event(AlarmEventKind.SeverityChanged, Severity.Minor, Severity.Major);
        var n = new SnmpEventMapper(Mib).Map(e)!;
        var index = SnmpIndexes.ForAlarm(e.Alarm!.Alarm.Id);

        Assert.Equal(SnmpValue.Integer32((int)GwSeverity.Minor), n.VarBinds.Single(v => v.Oid == Mib.Oids.AlarmColumn(AlarmColumn.Severity, index)).Value);
        Assert.Equal(SnmpValue.OctetString("93.5"), n.VarBinds.Single(v => v.Oid == Mib.Oids.AlarmColumn(AlarmColumn.Value, index)).Value);
        Assert.Equal(SnmpValue.OctetString("90"), n.VarBinds.Single(v => v.Oid == Mib.Oids.AlarmColumn(AlarmColumn.Threshold, index)).Value);
        Assert.Equal(SnmpValue.OctetString(DateAndTimeCodec.Encode(T)), n.VarBinds.Single(v => v.Oid == Mib.Oids.AlarmColumn(AlarmColumn.Time, index)).Value);
    }

    [Theory]
    [InlineData(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared, false)]
    [InlineData(AlarmEventKind.Raised, Severity.Major, Severity.Cleared, true)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Critical, Severity.Minor, true)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Minor, Severity.Major, true)]
    [InlineData(AlarmEventKind.SeverityChanged, Severity.Warning, Severity.Minor, false)]
    [InlineData(AlarmEventKind.Cleared, Severity.Cleared, Severity.Major, true)]
    [InlineData(AlarmEventKind.Cleared, Severity.Cleared, Severity.Minor, false)]
    public void Min_severity_keeps_every_event_of_an_alarm_the_nms_has_seen(AlarmEventKind kind, Severity severity, Severity previous, bool sent)
    {
        // minSeverity is the kit's common filter now (applied by the router for every push exporter).
        var mapper = new EventFilter(Severity.Major);

        Assert.Equal(sent, mapper.Accepts(Event(kind, severity, previous)));
    }

    [Fact]
    public void The_events_list_selects_alarms_or_nodes()
    {
        // events is the kit's common filter now, reading SNMP's names.
        var alarmsOnly = new EventFilter(events: SnmpEventKindNames.Vocabulary.Parse(["alarms"]));
        var nodesOnly = new EventFilter(events: SnmpEventKindNames.Vocabulary.Parse(["Nodes"]));

        Assert.True(alarmsOnly.Accepts(Event(AlarmEventKind.Raised, Severity.Major, Severity.Cleared)));
        Assert.False(alarmsOnly.Accepts(SnmpTestEvents.NodeDown("n", T)));
        Assert.False(nodesOnly.Accepts(Event(AlarmEventKind.Raised, Severity.Major, Severity.Cleared)));
        Assert.True(nodesOnly.Accepts(SnmpTestEvents.NodeDown("n", T)));
        Assert.Equal(SnmpEventKinds.All, SnmpEventKindNames.From(null));
    }

    [Fact]
    public void Indexes_are_stable_nonzero_and_taken_from_the_alarm_id()
    {
        Assert.Equal(0x01234567u, SnmpIndexes.ForAlarm("0123456789abcdef"));
        Assert.Equal(1u, SnmpIndexes.ForAlarm("00000000ffffffff"));
        Assert.Equal(SnmpIndexes.ForAlarm("not-hex"), SnmpIndexes.ForAlarm("not-hex"));
        Assert.NotEqual(0u, SnmpIndexes.ForNode("n1@host1"));
        Assert.Equal(1u, SnmpIndexes.Next(uint.MaxValue));
    }

    [Fact]
    public void Colliding_alarm_indexes_are_resolved_in_the_table_and_the_older_alarm_keeps_its_index()
    {
        var older = SnmpTestEvents.Alarm("/a") with { Id = "abcdef0011111111", RaisedAt = T };
        var newer = SnmpTestEvents.Alarm("/b") with { Id = "abcdef0022222222", RaisedAt = T.AddSeconds(1) };

        var rows = SnmpTableBuilder.AlarmRows([newer, older]);

        Assert.Equal([(0xabcdef00u, older.Id), (0xabcdef01u, newer.Id)], rows.Select(r => (r.Index, r.Id)));
    }

    [Fact]
    public void A_node_watched_by_two_jobs_is_one_row_up_when_either_is()
    {
        var store = new MetricStore();
        var a = new NodeKey("beam", "n1@host1");
        var b = new NodeKey("prometheus", "n1@host1");
        store.Update(new NodeSnapshot(a, T, [], LabelSet.Empty), new NodeStatus(a, "beam", true, T, null, 0, null, null, new Dictionary<string, string>()));
        store.MarkFailed(new NodeStatus(b, "prometheus", false, T.AddSeconds(9), null, 0, "timeout", "timeout", new Dictionary<string, string>()));
        store.Register(new NodeKey("beam", "new@host1"), "beam");

        var rows = SnmpTableBuilder.NodeRows(store.Entries());

        Assert.Equal(
            [("n1@host1", true, T), ("new@host1", false, DateTimeOffset.UnixEpoch)],
            rows.Select(r => (r.Name, r.Up, r.LastSeen)));
    }

    [Fact]
    public void A_base_oid_under_enterprises_gives_the_engine_id_its_enterprise_number()
    {
        Assert.Equal(32473u, SnmpRuntime.Enterprise("1.3.6.1.4.1.32473.5"));
        Assert.Equal(99999u, SnmpRuntime.Enterprise("1.3.6.1.2.1.99"));
        Assert.Equal("snmp-nms.example-162", SnmpDestinations.NameFor("NMS.example"));
        Assert.Equal("snmp---1-1162", SnmpDestinations.NameFor("[::1]:1162"));
    }
}
