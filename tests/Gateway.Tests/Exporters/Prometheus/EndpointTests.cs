using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Exporters.Prometheus;

public sealed class EndpointTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["exporters:prometheus:gatewayInstance"] = "gw:9464",
        ["exporters:prometheus:includeGatewayMetrics"] = "false",
    };

    [Fact]
    public async Task A_plain_get_answers_text_0_0_4()
    {
        await using var host = await ExporterHost.StartAsync(Fixture.Create(), Settings);
        using var client = new HttpClient { BaseAddress = host.Address };

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("# HELP erlang_vm_process_count The number of processes.\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_accept_header_gets_OpenMetrics()
    {
        await using var host = await ExporterHost.StartAsync(Fixture.Create(), Settings);
        using var client = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation("Accept",
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_is_sent_when_accepted_and_decodes_to_the_same_text()
    {
        var store = Fixture.Create();
        await using var host = await ExporterHost.StartAsync(store, Settings);
        using var client = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var body = await reader.ReadToEndAsync();

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var expected = await StoreBuilder.RenderAsync(
            new PrometheusRenderer(store, new PrometheusExporterOptions { GatewayInstance = "gw:9464", IncludeGatewayMetrics = false }),
            ExpositionFormat.PrometheusText);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task The_configured_path_and_openMetrics_switch_are_honoured()
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["exporters:prometheus:path"] = "/federate-me",
            ["exporters:prometheus:openMetrics"] = "false",
        };
        await using var host = await ExporterHost.StartAsync(Fixture.Create(), settings);
        using var client = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/federate-me");
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0");

        using var response = await client.SendAsync(request);
        using var missing = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_invalid_configuration_fails_at_start_with_the_yaml_path()
    {
        var settings = new Dictionary<string, string?> { ["exporters:prometheus:path"] = "metrics" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ExporterHost.StartAsync(Fixture.Create(), settings));

        Assert.Contains("exporters.prometheus.path: must start with \"/\"", error.Failures);
    }
}
