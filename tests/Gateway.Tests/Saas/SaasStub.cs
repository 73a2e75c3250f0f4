using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Saas;

/// <summary>
/// A SaaS service on 127.0.0.1 (Kestrel, port 0): records every request exactly as received (method,
/// path, query, headers, body — gzip-decoded when it says so) and answers with what the test's handler returns.
/// </summary>
internal sealed class SaasStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SaasStub(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>What to answer; the default is 200 with an empty JSON object.</summary>
    public Func<StubRequest, StubResponse> Handler { get; set; } = _ => new StubResponse(200, "{}");

    public static async Task<SaasStub> StartAsync(Func<StubRequest, StubResponse>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        SaasStub? stub = null;
        app.Run(async context =>
        {
            var request = await ReadAsync(context.Request);
            stub!.Requests.Enqueue(request);
            var response = stub.Handler(request);
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }
            context.Response.ContentType = "application/json; charset=UTF-8";
            await context.Response.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub = new SaasStub(app, new Uri(url));
        if (handler is not null)
        {
            stub.Handler = handler;
        }
        return stub;
    }

    private static async Task<StubRequest> ReadAsync(HttpRequest request)
    {
        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw);
        var body = raw.ToArray();
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding == "gzip")
        {
            using var inflated = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress))
            {
                await gzip.CopyToAsync(inflated);
            }
            body = inflated.ToArray();
        }
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new StubRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, headers, body, raw.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
