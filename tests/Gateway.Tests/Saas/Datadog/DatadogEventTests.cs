using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Datadog;

/// <summary>Events to a stub of Datadog's Events API v1, checked field by field against its documentation.</summary>
public sealed class DatadogEventTests : IAsyncLifetime
{
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync(_ => DatadogClient.Accepted());

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task A_raise_is_one_documented_POST_to_api_v1_events()
    {
        var exporter = DatadogClient.Exporter(_stub);
        var raised = SaasEvents.Raised();

        var result = await exporter.DeliverAsync([raised], CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/events", request.Path);
        Assert.Equal(DatadogClient.Key, request.Header("DD-API-KEY"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = request.Json();
        Assert.Equal(JsonValueKind.String, body.GetProperty("title").ValueKind);
        Assert.Equal("[major] disk_full on n1@host (/var)", body.GetProperty("title").GetString());
        var text = body.GetProperty("text").GetString()!;
        Assert.StartsWith("disk /var is 97% full\n", text, StringComparison.Ordinal);
        Assert.Contains("Alarm: a1b2c3d4e5f60718", text, StringComparison.Ordinal);
        Assert.Contains("Value: 97.5 (threshold 90)", text, StringComparison.Ordinal);
        Assert.EndsWith("Event id: " + raised.Id, text, StringComparison.Ordinal);
        Assert.Equal("a1b2c3d4e5f60718", body.GetProperty("aggregation_key").GetString());
        Assert.Equal("error", body.GetProperty("alert_type").GetString());
        Assert.Equal("normal", body.GetProperty("priority").GetString());
        Assert.Equal("gateway", body.GetProperty("source_type_name").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("date_happened").ValueKind);
        Assert.Equal(SaasEvents.Time.ToUnixTimeSeconds(), body.GetProperty("date_happened").GetInt64());
        Assert.Equal("n1@host", body.GetProperty("host").GetString());
        Assert.Equal(
            ["node:n1@host", "type:disk_full", "severity:major", "event:raised", "resource:/var", "group:storage"],
            body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task The_lifecycle_maps_onto_alert_types_with_one_aggregation_key_per_alarm()
    {
        var exporter = DatadogClient.Exporter(_stub);
        var minor = SaasEvents.Alarm(severity: Severity.Minor);
        var critical = minor with { Severity = Severity.Critical };
        GatewayEvent[] events =
        [
            SaasEvents.Raised(minor),
            SaasEvents.Changed(critical, Severity.Minor),
            SaasEvents.Acknowledged(critical),
            SaasEvents.Unacknowledged(critical),
            SaasEvents.Commented(critical),
            SaasEvents.Cleared(critical),
            SaasEvents.Raised(SaasEvents.Alarm(severity: Severity.Indeterminate)),
        ];

        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync(events, CancellationToken.None));

        var bodies = _stub.Requests.Select(r => r.Json()).ToArray();
        Assert.Equal(["warning", "error", "info", "info", "info", "success", "info"], bodies.Select(b => b.GetProperty("alert_type").GetString()));
        Assert.All(bodies, b => Assert.Equal("a1b2c3d4e5f60718", b.GetProperty("aggregation_key").GetString()));
        Assert.Equal(
            ["[minor]", "[minor → critical]", "[acknowledged]", "[unacknowledged]", "[comment]", "[cleared]", "[indeterminate]"],
            bodies.Select(b => b.GetProperty("title").GetString()![..^" disk_full on n1@host (/var)".Length]));
        Assert.Contains("Comment: looking", bodies[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Comment: disk ordered", bodies[4].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("event:cleared", bodies[5].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Notifications_and_node_events_are_events_too()
    {
        var exporter = DatadogClient.Exporter(_stub);
        GatewayEvent[] events =
        [
            SaasEvents.Notification("error"),
            SaasEvents.Notification("info", "started"),
            SaasEvents.Node(NodeEventKind.Down, reason: "timeout"),
            SaasEvents.Node(NodeEventKind.Up),
            SaasEvents.Node(NodeEventKind.Removed),
        ];

        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync(events, CancellationToken.None));

        var bodies = _stub.Requests.Select(r => r.Json()).ToArray();
        Assert.Equal(["error", "info", "error", "success", "info"], bodies.Select(b => b.GetProperty("alert_type").GetString()));
        Assert.Equal(["normal", "low", "normal", "normal", "normal"], bodies.Select(b => b.GetProperty("priority").GetString()));
        Assert.Equal("[error] n1@host: payment service timed out", bodies[0].GetProperty("title").GetString());
        Assert.Contains("pid: <0.42.0>", bodies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(bodies[0].TryGetProperty("aggregation_key", out _));
        Assert.Equal("[node down] n1@host: timeout", bodies[2].GetProperty("title").GetString());
        Assert.Equal("node:n1@host", bodies[2].GetProperty("aggregation_key").GetString());
        Assert.Equal(["node:n1@host", "event:node_down", "job:beam", "group:shop"], bodies[2].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task An_event_older_than_18_hours_goes_without_date_happened_and_keeps_its_time_in_the_text()
    {
        var exporter = DatadogClient.Exporter(_stub, time: new FakeTimeProvider(SaasEvents.Time.AddHours(19)));

        await exporter.DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        var body = Assert.Single(_stub.Requests).Json();
        Assert.False(body.TryGetProperty("date_happened", out _));
        Assert.Contains("Happened: 2026-03-04T05:06:07.890Z", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_titles_and_texts_are_cut_to_Datadogs_limits()
    {
        var exporter = DatadogClient.Exporter(_stub);
        var alarm = SaasEvents.Alarm(resource: new string('r', 300)) with { Description = new string('d', 5000) };

        await exporter.DeliverAsync([SaasEvents.Raised(alarm)], CancellationToken.None);

        var body = Assert.Single(_stub.Requests).Json();
        Assert.Equal(100, body.GetProperty("title").GetString()!.Length);
        Assert.True(body.GetProperty("text").GetString()!.Length <= 4000);
        Assert.All(body.GetProperty("tags").EnumerateArray(), t => Assert.True(t.GetString()!.Length <= 200));
    }
}
