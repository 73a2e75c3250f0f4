using System.Collections.Concurrent;
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
/// A vendor stand-in on 127.0.0.1 (Kestrel, port 0): every request is checked by <see cref="Contract"/>
/// (the vendor's documented request: a failure is recorded and answered with a 400) and answered by
/// <see cref="Respond"/> (the vendor's documented answers, scripted per test).
/// </summary>
public sealed class LoopbackStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackStub(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>http://127.0.0.1:port</summary>
    public Uri Url { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Requests that broke the vendor's contract, with why.</summary>
    public ConcurrentQueue<string> ContractErrors { get; } = new();

    /// <summary>Checks a request; null when it is as the vendor documents it.</summary>
    public Func<LoopbackRequest, string?> Contract { get; set; } = _ => null;

    public Func<LoopbackRequest, LoopbackResponse> Respond { get; set; } = _ => LoopbackResponse.Ok();

    /// <summary>Answers <paramref name="responses"/> in turn, then <paramref name="then"/>.</summary>
    public void Script(LoopbackResponse then, params LoopbackResponse[] responses)
    {
        var queue = new ConcurrentQueue<LoopbackResponse>(responses);
        Respond = _ => queue.TryDequeue(out var next) ? next : then;
    }

    public static async Task<LoopbackStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackStub? stub = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new LoopbackRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, headers, body);
            stub!.Requests.Enqueue(request);
            string? error;
            try
            {
                error = stub.Contract(request);
            }
            catch (Exception e)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }
            var response = error is null ? stub.Respond(request) : new LoopbackResponse(400, "contract: " + error);
            if (error is not null)
            {
                stub.ContractErrors.Enqueue(error);
            }
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            if (response.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = response.RetryAfter;
            }
            await context.Response.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new LoopbackStub(app, new Uri(address));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
