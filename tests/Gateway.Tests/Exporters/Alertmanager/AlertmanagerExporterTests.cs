using System.Text.Json;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Gateway.Exporters.Alertmanager;
using Gateway.Tests.Exporters.Snmp;
using Gateway.Tests.Saas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Exporters.Alertmanager;

public sealed class AlertmanagerExporterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(AlarmLifecycle.Raised);
    private LoopbackStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await LoopbackStub.StartAsync();
        _stub.Contract = AlertmanagerContract.Check;
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private KitServices Kit(Dictionary<string, string?>? extra = null, Action<IServiceCollection>? more = null)
    {
        var values = new Dictionary<string, string?> { ["exporters:alertmanager:url"] = _stub.Url.AbsoluteUri };
        foreach (var (k, v) in extra ?? [])
        {
            values[k] = v;
        }
        return new KitServices(values, (services, config) =>
        {
            more?.Invoke(services);
            services.AddAlertmanagerExporter(config.GetSection("exporters:alertmanager"));
        }, _time);
    }

    private static AlertmanagerExporter Exporter(KitServices kit) => (AlertmanagerExporter)kit.Exporter("alertmanager");

    private JsonElement[] Posted(int request) => _stub.Requests.ElementAt(request).Json.EnumerateArray().ToArray();

    private static Dictionary<string, string> Labels(JsonElement alert) =>
        alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public async Task A_raise_is_one_alert_with_the_documented_labels_annotations_and_link()
    {
        await using var kit = Kit();
        var raise = AlarmLifecycle.Event(AlarmEventKind.Raised, AlarmLifecycle.Alarm(group: "mongooseim"), Severity.Cleared, AlarmLifecycle.Raised);

        Assert.Equal(DeliveryResult.Delivered, await Exporter(kit).DeliverAsync([raise], CancellationToken.None));

        Assert.Empty(_stub.ContractErrors);
        var alert = Assert.Single(Posted(0));
        var id = raise.Alarm!.Alarm.Id;
        Assert.Equal(new Dictionary<string, string>
        {
            ["alertname"] = "disk_full",
            ["instance"] = "n1@host",
            ["job"] = "gateway",
            ["severity"] = "major",
            ["resource"] = "/var",
            ["group"] = "mongooseim",
            ["alarm_id"] = id,
        }, Labels(alert));
        var annotations = alert.GetProperty("annotations");
        Assert.Equal("disk /var is 97% full", annotations.GetProperty("description").GetString());
        Assert.Equal("disk_full on n1@host (/var): major", annotations.GetProperty("summary").GetString());
        Assert.Equal("97", annotations.GetProperty("value").GetString());
        Assert.Equal("2026-01-02T03:04:05.000Z", alert.GetProperty("startsAt").GetString());
        Assert.False(alert.TryGetProperty("endsAt", out _));
        Assert.Equal($"http://127.0.0.1:9464/api/v1/alarms/{id}", alert.GetProperty("generatorURL").GetString());
    }

    [Fact]
    public async Task A_severity_change_resolves_the_old_severity_and_fires_the_new_a_clear_resolves_it()
    {
        await using var kit = Kit();
        var exporter = Exporter(kit);
        var events = AlarmLifecycle.Lifecycle();

        foreach (var e in events)
        {
            Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync([e], CancellationToken.None));
        }

        Assert.Empty(_stub.ContractErrors);
        var change = Posted(1);
        Assert.Equal(2, change.Length);
        Assert.Equal("major", Labels(change[0])["severity"]);
        Assert.Equal("2026-01-02T03:05:05.000Z", change[0].GetProperty("endsAt").GetString());
        Assert.Equal("critical", Labels(change[1])["severity"]);
        Assert.Equal("2026-01-02T03:05:05.000Z", change[1].GetProperty("startsAt").GetString());
        Assert.False(change[1].TryGetProperty("endsAt", out _));
        var ack = Assert.Single(Posted(2));
        Assert.Equal("true", ack.GetProperty("annotations").GetProperty("acknowledged").GetString());
        Assert.Equal("looking", ack.GetProperty("annotations").GetProperty("comment").GetString());
        Assert.Equal("critical", Labels(ack)["severity"]);
        Assert.Equal("disk ordered", Assert.Single(Posted(3)).GetProperty("annotations").GetProperty("comment").GetString());
        var clear = Assert.Single(Posted(4));
        Assert.Equal("critical", Labels(clear)["severity"]);
        Assert.Equal("2026-01-02T03:08:05.000Z", clear.GetProperty("endsAt").GetString());
        Assert.Equal(0, exporter.FiringCount);
    }

    [Fact]
    public async Task A_batch_goes_as_one_request_in_order()
    {
        await using var kit = Kit();

        Assert.Equal(DeliveryResult.Delivered, await Exporter(kit).DeliverAsync(AlarmLifecycle.Lifecycle(), CancellationToken.None));

        var alerts = Assert.Single(_stub.Requests).Json.EnumerateArray().ToArray();
        Assert.Equal(["major", "major", "critical", "critical", "critical", "critical"], alerts.Select(a => Labels(a)["severity"]));
        Assert.True(alerts[^1].TryGetProperty("endsAt", out _));
    }

    [Fact]
    public async Task Notifications_and_node_events_are_not_accepted()
    {
        await using var kit = Kit();

        Assert.False(Exporter(kit).Accepts(AlarmLifecycle.Notification()));
        Assert.False(Exporter(kit).Accepts(AlarmLifecycle.NodeDown()));
        Assert.True(Exporter(kit).Accepts(AlarmLifecycle.Lifecycle()[0]));
    }

    [Fact]
    public async Task A_resend_posts_what_Alertmanager_last_got_and_nothing_once_cleared()
    {
        await using var kit = Kit();
        var exporter = Exporter(kit);
        var events = AlarmLifecycle.Lifecycle();
        await exporter.DeliverAsync(events[..2], CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, await exporter.ResendAsync(CancellationToken.None));
        var resent = Assert.Single(Posted(1));
        Assert.Equal("critical", Labels(resent)["severity"]);
        Assert.False(resent.TryGetProperty("endsAt", out _));

        await exporter.DeliverAsync(events[2..], CancellationToken.None);
        var before = _stub.Requests.Count;
        Assert.Equal(DeliveryResult.Delivered, await exporter.ResendAsync(CancellationToken.None));
        Assert.Equal(before, _stub.Requests.Count);
    }

    [Fact]
    public async Task A_failed_delivery_changes_nothing_and_a_failed_resend_does_not_hold_up_the_outbox_path()
    {
        await using var kit = Kit();
        var exporter = Exporter(kit);
        var events = AlarmLifecycle.Lifecycle();
        _stub.Script(LoopbackResponse.Ok(), new LoopbackResponse(503, "overloaded"));

        Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync([events[0]], CancellationToken.None));
        Assert.Equal(0, exporter.FiringCount);
        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync([events[0]], CancellationToken.None));
        Assert.Equal(1, exporter.FiringCount);

        _stub.Script(LoopbackResponse.Ok(), new LoopbackResponse(500, "boom"));
        Assert.IsType<DeliveryResult.RetryResult>(await exporter.ResendAsync(CancellationToken.None));
        Assert.Equal(1, exporter.ResendFailures);
        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync([events[^1]], CancellationToken.None));
        Assert.Equal(0, exporter.FiringCount);
    }

    [Fact]
    public async Task Answers_map_as_HttpDelivery_says()
    {
        await using var kit = Kit();
        var exporter = Exporter(kit);
        GatewayEvent[] batch = [AlarmLifecycle.Lifecycle()[0]];

        _stub.Respond = _ => new LoopbackResponse(400, "\"start time must be before end time\"", "application/json");
        var reject = Assert.IsType<DeliveryResult.RejectedResult>(await exporter.DeliverAsync(batch, CancellationToken.None));
        Assert.Equal("Alertmanager answered 400 BadRequest: \"start time must be before end time\"", reject.Reason);

        _stub.Respond = _ => new LoopbackResponse(401, "Unauthorized");
        Assert.IsType<DeliveryResult.FailingResult>(await exporter.DeliverAsync(batch, CancellationToken.None));
        _stub.Respond = _ => new LoopbackResponse(403, "Forbidden");
        Assert.IsType<DeliveryResult.FailingResult>(await exporter.DeliverAsync(batch, CancellationToken.None));

        _stub.Respond = _ => new LoopbackResponse(429, "slow down", RetryAfter: "30");
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync(batch, CancellationToken.None)).After);

        _stub.Respond = _ => new LoopbackResponse(500, "failed to create alerts");
        Assert.Contains("500", Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync(batch, CancellationToken.None)).Reason, StringComparison.Ordinal);
        Assert.Equal(0, exporter.FiringCount);
    }

    [Fact]
    public async Task Dropping_below_minSeverity_resolves_the_alert()
    {
        await using var kit = Kit(new() { ["exporters:alertmanager:minSeverity"] = "major" });
        var exporter = Exporter(kit);
        var alarm = AlarmLifecycle.Alarm();
        var minor = alarm with { Severity = Severity.Minor };

        await exporter.DeliverAsync([AlarmLifecycle.Event(AlarmEventKind.Raised, alarm, Severity.Cleared, AlarmLifecycle.Raised)], CancellationToken.None);
        await exporter.DeliverAsync([AlarmLifecycle.Event(AlarmEventKind.SeverityChanged, minor, Severity.Major, AlarmLifecycle.Raised.AddMinutes(1))], CancellationToken.None);

        var resolved = Assert.Single(Posted(1));
        Assert.Equal("major", Labels(resolved)["severity"]);
        Assert.True(resolved.TryGetProperty("endsAt", out _));
        Assert.Equal(0, exporter.FiringCount);
    }

    [Fact]
    public async Task After_a_restart_the_active_alarms_are_resent_with_the_job_of_their_node()
    {
        using var dir = new Gateway.Tests.Core.Outbox.TestDirectory();
        using var alarms = new AlarmManager(dir.File("alarms.db"), new DiscardingRouter(), new AlarmsOptions(), _time, NullLogger<AlarmManager>.Instance);
        await alarms.RaiseExternalAsync("n1@host", "disk_full", "/var", Severity.Major, "full");
        await alarms.RaiseExternalAsync("n2@host", "disk_full", "/var", Severity.Warning, "filling");
        await using var kit = Kit(new() { ["exporters:alertmanager:minSeverity"] = "minor", ["exporters:alertmanager:nodes:0"] = "n*@host" }, s => s.AddSingleton(alarms));

        Assert.Equal(DeliveryResult.Delivered, await Exporter(kit).ResendAsync(CancellationToken.None));

        var alert = Assert.Single(Posted(0));
        Assert.Equal("n1@host", Labels(alert)["instance"]);
        Assert.Equal("major", Labels(alert)["severity"]);
    }

    [Fact]
    public async Task An_HA_pair_is_two_destinations_each_with_its_own_outbox()
    {
        await using var second = await LoopbackStub.StartAsync();
        await using var kit = new KitServices(
            new() { ["exporters:alertmanager:urls:0"] = _stub.Url.AbsoluteUri, ["exporters:alertmanager:urls:1"] = second.Url.AbsoluteUri },
            (services, config) => services.AddAlertmanagerExporter(config.GetSection("exporters:alertmanager")),
            _time);

        Assert.Equal(["alertmanager-1", "alertmanager-2"], kit.Exporters.Select(e => e.Name));
        foreach (var exporter in kit.Exporters)
        {
            Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));
        }
        Assert.Single(_stub.Requests);
        Assert.Single(second.Requests);
    }

    [Fact]
    public async Task A_five_minute_outage_then_every_event_arrives_in_order_once()
    {
        await using var kit = Kit();
        using var drill = new OutboxDrill(_time);
        var outageEnds = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        var accepted = new List<string>();
        _stub.Respond = r =>
        {
            if (_time.GetUtcNow() < outageEnds)
            {
                return new LoopbackResponse(503, "");
            }
            accepted.AddRange(r.Json.EnumerateArray().Select(a => $"{Labels(a)["resource"]} {Labels(a)["severity"]} {(a.TryGetProperty("endsAt", out _) ? "resolved" : "firing")}"));
            return LoopbackResponse.Ok();
        };
        using var outbox = drill.Open();
        await OutboxDrill.AppendAsync(outbox, AlarmLifecycle.Lifecycle("/a").Concat(AlarmLifecycle.Lifecycle("/b")));

        await drill.RunAsync(drill.Delivery(kit.Exporter("alertmanager"), outbox));

        string[] one(string r) => [$"{r} major firing", $"{r} major resolved", $"{r} critical firing", $"{r} critical firing", $"{r} critical firing", $"{r} critical resolved"];
        Assert.Equal([.. one("/a"), .. one("/b")], accepted);
        Assert.Equal(0, outbox.Count);
    }
}
