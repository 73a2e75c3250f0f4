using System.Text;
using Gateway.Collector.PrometheusText;

namespace Gateway.Tests.Collector.Source;

[CollectionDefinition(nameof(LargeBodyTests), DisableParallelization = true)]
public sealed class LargeBodyCollection;

/// <summary>Runs alone so the process-wide allocation count is not disturbed by other tests.</summary>
[Collection(nameof(LargeBodyTests))]
public sealed class LargeBodyTests
{
    private const long FiftyMegabytes = 50L * 1000 * 1000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_50_MB_body_fails_with_body_too_large_without_being_buffered(bool sendContentLength)
    {
        var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("some_metric{label=\"value\"} 1\n", 2000)));
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            if (sendContentLength)
            {
                context.Response.ContentLength = FiftyMegabytes / line.Length * line.Length;
            }
            try
            {
                for (long sent = 0; sent + line.Length <= FiftyMegabytes; sent += line.Length)
                {
                    await context.Response.Body.WriteAsync(line, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client hung up once it had seen enough.
            }
        });
        using var http = PrometheusTextHttp.CreateClient();
        var source = new PrometheusTextSource(http);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await source.ScrapeAsync(PrometheusTextSourceTests.Target(server.Address), cts.Token);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("body_too_large", result.ErrorReason);
        Assert.Contains("10485760", result.ErrorMessage, StringComparison.Ordinal);
        // The buffer grows to the 10 MiB limit (a 16 MiB pooled array plus the smaller steps on a cold
        // pool), never to the 50 MB body.
        Assert.True(allocated < FiftyMegabytes / 2, $"allocated {allocated} bytes");
    }
}
