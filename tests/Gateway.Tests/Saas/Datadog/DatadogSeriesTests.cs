using System.Text.Json;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Streaming;
using Gateway.Saas.Datadog;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Datadog;

/// <summary>Metric-stream snapshots to a stub of Datadog's v2 series endpoint.</summary>
public sealed class DatadogSeriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 0, TimeSpan.Zero);
    private static readonly NodeKey Node = new("beam", "n1@host");

    private readonly FakeTimeProvider _time = new(Start);
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync(_ => new StubResponse(202, """{"errors":[]}"""));

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private DatadogExporter Exporter(bool gzip = true, string[]? include = null, string[]? exclude = null)
    {
        var options = DatadogClient.Options(_stub);
        options.Gzip = gzip;
        options.Tags = ["env:test"];
        options.Metrics.Include.AddRange(include ?? ["erlang_vm_*"]);
        options.Metrics.Exclude.AddRange(exclude ?? []);
        return DatadogClient.Exporter(_stub, options, _time);
    }

    private static StreamedSnapshot Snapshot(int second, double processes, double reductions, double memory = 1000) => new(new NodeSnapshot(
        Node,
        Start.AddSeconds(second),
        [
            new MetricFamily("erlang_vm_process_count", MetricType.Gauge, "Processes.", [new Sample("erlang_vm_process_count", LabelSet.Empty, processes)]),
            new MetricFamily("erlang_vm_statistics_reductions_total", MetricType.Counter, "Reductions.", [new Sample("erlang_vm_statistics_reductions_total", LabelSet.Empty, reductions)]),
            new MetricFamily("erlang_vm_memory_bytes_total", MetricType.Gauge, "Memory.", [new Sample("erlang_vm_memory_bytes_total", LabelSet.Create(new Label("kind", "system")), memory)]),
            new MetricFamily("process_open_fds", MetricType.Gauge, "Fds.", [new Sample("process_open_fds", LabelSet.Empty, 12)]),
        ],
        LabelSet.Create(new Label("dc", "eu1"))));

    private static JsonElement[] Series(StubRequest request) => request.Json().GetProperty("series").EnumerateArray().ToArray();

    [Fact]
    public async Task Gauges_go_as_gauges_and_a_counter_as_the_count_since_the_last_point()
    {
        var exporter = Exporter();

        await exporter.ExportAsync([Snapshot(0, 100, 5000)], CancellationToken.None);
        await exporter.ExportAsync([Snapshot(15, 120, 5600)], CancellationToken.None);

        var requests = _stub.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        foreach (var request in requests)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/api/v2/series", request.Path);
            Assert.Equal(DatadogClient.Key, request.Header("DD-API-KEY"));
            Assert.Equal("gzip", request.Header("Content-Encoding"));
            Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
            Assert.True(request.WireLength <= DatadogSeriesPayloads.MaxBody);
        }
        // First sight of the counter: its baseline only; process_open_fds is not included.
        var first = Series(requests[0]);
        Assert.Equal(["erlang_vm_process_count", "erlang_vm_memory_bytes_total"], first.Select(s => s.GetProperty("metric").GetString()));
        var gauge = first[0];
        Assert.Equal(3, gauge.GetProperty("type").GetInt32());
        Assert.False(gauge.TryGetProperty("interval", out _));
        var point = Assert.Single(gauge.GetProperty("points").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, point.GetProperty("timestamp").ValueKind);
        Assert.Equal(Start.ToUnixTimeSeconds(), point.GetProperty("timestamp").GetInt64());
        Assert.Equal(100, point.GetProperty("value").GetDouble());
        var resource = Assert.Single(gauge.GetProperty("resources").EnumerateArray());
        Assert.Equal("n1@host", resource.GetProperty("name").GetString());
        Assert.Equal("host", resource.GetProperty("type").GetString());
        Assert.Equal(["dc:eu1", "job:beam", "env:test"], gauge.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["dc:eu1", "job:beam", "kind:system", "env:test"], first[1].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var second = Series(requests[1]);
        var count = second.Single(s => s.GetProperty("metric").GetString() == "erlang_vm_statistics_reductions_total");
        Assert.Equal(1, count.GetProperty("type").GetInt32());
        Assert.Equal(15, count.GetProperty("interval").GetInt64());
        var delta = Assert.Single(count.GetProperty("points").EnumerateArray());
        Assert.Equal(600, delta.GetProperty("value").GetDouble());
        Assert.Equal(Start.AddSeconds(15).ToUnixTimeSeconds(), delta.GetProperty("timestamp").GetInt64());
    }

    [Fact]
    public async Task A_counter_reset_counts_from_zero()
    {
        var exporter = Exporter(gzip: false);

        await exporter.ExportAsync([Snapshot(0, 1, 5000)], CancellationToken.None);
        await exporter.ExportAsync([Snapshot(15, 1, 40)], CancellationToken.None);

        var count = Series(_stub.Requests.Last()).Single(s => s.GetProperty("type").GetInt32() == 1);
        Assert.Equal(40, count.GetProperty("points")[0].GetProperty("value").GetDouble());
        Assert.Null(_stub.Requests.Last().Header("Content-Encoding"));
    }

    [Fact]
    public async Task A_failed_request_throws_without_the_key_and_the_next_delta_covers_the_lost_increase()
    {
        var exporter = Exporter();
        await exporter.ExportAsync([Snapshot(0, 1, 1000)], CancellationToken.None);
        _stub.Handler = r => new StubResponse(403, $$"""{"errors":["Forbidden: {{r.Header("DD-API-KEY")}}"]}""");

        var failure = await Assert.ThrowsAsync<DatadogMetricsException>(() => exporter.ExportAsync([Snapshot(15, 1, 1100)], CancellationToken.None).AsTask());

        Assert.Contains("403", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DatadogClient.Key, failure.Message, StringComparison.Ordinal);
        _stub.Handler = _ => new StubResponse(202, """{"errors":[]}""");
        await exporter.ExportAsync([Snapshot(30, 1, 1250)], CancellationToken.None);
        var count = Series(_stub.Requests.Last()).Single(s => s.GetProperty("type").GetInt32() == 1);
        Assert.Equal(250, count.GetProperty("points")[0].GetProperty("value").GetDouble());
        Assert.Equal(30, count.GetProperty("interval").GetInt64());
    }

    [Fact]
    public async Task A_400_with_errors_or_a_busy_service_is_an_exception_for_the_kits_drop_count()
    {
        var exporter = Exporter();
        _stub.Handler = _ => new StubResponse(400, """{"errors":["Payload too large"]}""");
        var rejected = await Assert.ThrowsAsync<DatadogMetricsException>(() => exporter.ExportAsync([Snapshot(0, 1, 1)], CancellationToken.None).AsTask());
        Assert.Contains("Payload too large", rejected.Message, StringComparison.Ordinal);

        _stub.Handler = _ => new StubResponse(503, "busy");
        await Assert.ThrowsAsync<DatadogMetricsException>(() => exporter.ExportAsync([Snapshot(15, 1, 1)], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Excluded_series_and_an_empty_selection_send_nothing()
    {
        await Exporter(exclude: ["erlang_vm_memory_*"]).ExportAsync([Snapshot(0, 1, 1)], CancellationToken.None);
        Assert.Equal(["erlang_vm_process_count"], Series(Assert.Single(_stub.Requests)).Select(s => s.GetProperty("metric").GetString()));

        var none = DatadogClient.Exporter(_stub, DatadogClient.Options(_stub), _time);
        await none.ExportAsync([Snapshot(0, 1, 1)], CancellationToken.None);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public void Payloads_stay_under_Datadogs_limits()
    {
        var tags = Enumerable.Range(0, 10).Select(i => $"label{i}:{new string('v', 40)}").ToArray();
        var points = Enumerable.Range(0, 20_000)
            .Select(i => new DatadogPoint($"erlang_vm_series_{i}", DatadogMetricType.Gauge, null, 1_772_600_760, i, "n1@host", tags))
            .ToArray();

        var plain = DatadogSeriesPayloads.Build(points, gzip: false, out var skipped);
        var gzip = DatadogSeriesPayloads.Build(points, gzip: true, out _);

        Assert.Equal(0, skipped);
        Assert.True(plain.Count > 1);
        Assert.All(plain, p => Assert.True(p.Body.Length <= DatadogSeriesPayloads.MaxBody));
        Assert.All(gzip, p => Assert.True(p.Body.Length <= DatadogSeriesPayloads.MaxBody));
        Assert.Equal(points.Length, plain.Sum(p => p.Points.Count));
        Assert.Equal(points.Length, gzip.Sum(p => p.Points.Count));
        Assert.All(plain, p => Assert.Equal(p.Points.Count, JsonDocument.Parse(p.Body).RootElement.GetProperty("series").GetArrayLength()));
    }
}
