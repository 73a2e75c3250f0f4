using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Collector;
using Gateway.Collector.PrometheusText;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Exposition;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Collector.Source;

public sealed class PrometheusTextSourceTests : IDisposable
{
    private const string TextBody = "# HELP up Whether up.\n# TYPE up gauge\nup 1\n# TYPE requests_total counter\nrequests_total{code=\"200\"} 7\n";
    private const string OpenMetricsBody = "# HELP up Whether up.\n# TYPE up gauge\nup 1\n# TYPE requests counter\nrequests_total{code=\"200\"} 7\n# EOF\n";

    private readonly HttpClient _http = PrometheusTextHttp.CreateClient();
    private readonly PrometheusTextSource _source;

    public PrometheusTextSourceTests()
    {
        _source = new PrometheusTextSource(_http);
    }

    public void Dispose() => _http.Dispose();

    internal static ScrapeTarget Target(string address, PrometheusJobOptions? job = null)
    {
        job ??= new PrometheusJobOptions { Job = "test" };
        return new PrometheusTargetFactory(job, new CollectOptions()).Create(address, new Dictionary<string, string>());
    }

    private static async Task<ScrapeResult> ScrapeWithin(PrometheusTextSource source, ScrapeTarget target, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await source.ScrapeAsync(target, cts.Token);
    }

    private Task<ScrapeResult> Scrape(ScrapeTarget target) => ScrapeWithin(_source, target, TimeSpan.FromSeconds(30));

    private static RequestDelegate Answer(string contentType, string body) => async context =>
    {
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    };

    [Fact]
    public async Task OpenMetrics_answer_is_parsed_as_OpenMetrics()
    {
        string? accept = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            await Answer("application/openmetrics-text; version=1.0.0; charset=utf-8", OpenMetricsBody)(context);
        });

        var result = await Scrape(Target(server.Address));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(ExpositionContentType.AcceptHeader, accept);
        Assert.Equal("openmetrics", result.Info["format"]);
        var requests = Assert.Single(result.Families, f => f.Type == MetricType.Counter);
        Assert.Equal("requests", requests.Name);
        Assert.Equal(7, Assert.Single(requests.Samples).Value);
    }

    [Fact]
    public async Task Text_0_0_4_answer_is_parsed_as_text()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Answer("text/plain; version=0.0.4; charset=utf-8", TextBody));

        var result = await Scrape(Target(server.Address));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("text", result.Info["format"]);
        Assert.Equal(["up", "requests_total"], result.Families.Select(f => f.Name));
        Assert.Equal("200", result.Families[1].Samples[0].Labels.Get("code"));
    }

    [Fact]
    public async Task Gzip_body_is_decompressed()
    {
        string? acceptEncoding = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            acceptEncoding = context.Request.Headers.AcceptEncoding;
            context.Response.ContentType = "text/plain; version=0.0.4";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(TextBody));
        });

        var result = await Scrape(Target(server.Address));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("gzip", acceptEncoding, StringComparison.Ordinal);
        Assert.Equal(2, result.Families.Count);
    }

    [Fact]
    public async Task Size_limit_counts_decompressed_bytes()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            var comments = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("# padding\n", 1000)));
            // ~2 MB of text, a few KB on the wire.
            for (var i = 0; i < 200 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await gzip.WriteAsync(comments, context.RequestAborted);
            }
        });
        var job = new PrometheusJobOptions { Job = "test", Limits = { BodySizeLimit = ByteSize.FromMebibytes(1) } };

        var result = await Scrape(Target(server.Address, job));

        Assert.Equal("body_too_large", result.ErrorReason);
    }

    [Fact]
    public async Task Non_2xx_status_fails_with_http_status_and_the_code()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });

        var result = await Scrape(Target(server.Address));

        Assert.Equal("http_status", result.ErrorReason);
        Assert.StartsWith("HTTP 500", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_connection_fails_with_connection()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Scrape(Target($"127.0.0.1:{port}"));

        Assert.Equal("connection", result.ErrorReason);
        Assert.Contains("refused", result.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Server_that_never_answers_fails_with_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptTcpClientAsync());
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Listener stopped.
            }
        });

        var result = await ScrapeWithin(_source, Target($"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"), TimeSpan.FromMilliseconds(500));

        Assert.Equal("timeout", result.ErrorReason);
        listener.Stop();
        await accepting;
        accepted.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Malformed_exposition_fails_with_parse_and_the_line_number()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Answer("text/plain; version=0.0.4", "up 1\nup{code=\"200\" 1\n"));

        var result = await Scrape(Target(server.Address));

        Assert.Equal("parse", result.ErrorReason);
        Assert.StartsWith("line 2:", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_samples_fail_with_sample_limit()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Answer("text/plain; version=0.0.4", "a 1\nb 2\nc 3\n"));
        var job = new PrometheusJobOptions { Job = "test", Limits = { SampleLimit = 2 } };

        var result = await Scrape(Target(server.Address, job));

        Assert.Equal("sample_limit", result.ErrorReason);
    }

    [Theory]
    [InlineData("basic", "Basic dXNlcjpwYXNz")]
    [InlineData("bearer", "Bearer s3cret")]
    public async Task Credentials_are_sent_and_never_printed(string kind, string expectedHeader)
    {
        string? authorization = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            authorization = context.Request.Headers.Authorization;
            await Answer("text/plain", "up 1\n")(context);
        });
        var job = kind == "basic"
            ? new PrometheusJobOptions { Job = "test", BasicAuth = new PrometheusBasicAuthOptions { Username = "user", Password = "pass" } }
            : new PrometheusJobOptions { Job = "test", BearerToken = "s3cret" };
        var target = Target(server.Address, job);

        var result = await Scrape(target);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(expectedHeader, authorization);
        Assert.DoesNotContain("s3cret", target.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dXNlcjpwYXNz", target.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pass", job.BasicAuth?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parser_is_kept_per_node_and_dropped_on_release()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Answer("text/plain", "up 1\n"));
        var target = Target(server.Address);

        Assert.True((await Scrape(target)).Succeeded);
        Assert.True((await Scrape(target)).Succeeded);
        Assert.Equal(1, _source.ParserCount);

        _source.Release(target.Node);
        Assert.Equal(0, _source.ParserCount);
    }

    [Fact]
    public async Task A_hanging_node_does_not_delay_another_nodes_scrape()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/slow")
            {
                await release.Task.WaitAsync(context.RequestAborted);
            }
            await Answer("text/plain", "up 1\n")(context);
        });
        var slowTarget = Target(server.Address, new PrometheusJobOptions { Job = "slow", Path = "/slow" });
        using var slowCts = new CancellationTokenSource();
        var slow = _source.ScrapeAsync(slowTarget, slowCts.Token);

        var fast = await Scrape(Target(server.Address));

        Assert.True(fast.Succeeded, fast.ToString());
        Assert.False(slow.IsCompleted);
        await slowCts.CancelAsync();
        Assert.Equal("timeout", (await slow).ErrorReason);
        release.SetResult();
    }

    [Fact]
    public void Instance_is_host_and_port_and_the_url_uses_scheme_and_path()
    {
        var target = Target("10.1.2.3:15692", new PrometheusJobOptions { Job = "rabbitmq", Scheme = "https", Path = "/metrics/detailed?family=queue_coarse_metrics" });

        Assert.Equal(new NodeKey("rabbitmq", "10.1.2.3:15692"), target.Node);
        Assert.Equal("https://10.1.2.3:15692/metrics/detailed?family=queue_coarse_metrics", target.Address);
        Assert.Equal("prometheus", target.Source);
        Assert.Equal(TimeSpan.FromSeconds(15), target.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), target.Timeout);
    }

    [Fact]
    public void Job_labels_apply_and_discovery_labels_override_them()
    {
        var job = new PrometheusJobOptions { Job = "j", Labels = { ["env"] = "prod", ["team"] = "ops" } };
        var target = new PrometheusTargetFactory(job, new CollectOptions())
            .Create("h:1", new Dictionary<string, string> { ["env"] = "test", ["instance"] = "web-1" });

        Assert.Equal("web-1", target.Node.Instance);
        Assert.Equal("{env=\"test\",team=\"ops\"}", target.Labels.ToString());
    }

    [Theory]
    [InlineData("host")]
    [InlineData("host:0")]
    [InlineData("host:abc")]
    [InlineData("ho st:1")]
    [InlineData("[zz]:1")]
    [InlineData(":9100")]
    public void Address_that_is_not_host_and_port_is_rejected(string address) =>
        Assert.Throws<FormatException>(() => Target(address));
}
