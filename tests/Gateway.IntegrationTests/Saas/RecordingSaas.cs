using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.IntegrationTests.Saas;

/// <summary>A SaaS endpoint on a free loopback port: records every request, answers as <see cref="Answer"/> says.</summary>
public sealed class RecordingSaas : IAsyncDisposable
{
    private readonly ConcurrentQueue<SaasCall> _calls = new();
    private TargetServer _server = null!;

    private RecordingSaas()
    {
    }

    public string Url => $"http://127.0.0.1:{_server.Ports.Single()}";

    public IReadOnlyList<SaasCall> Calls => _calls.ToArray();

    /// <summary>Status and JSON body for a call.</summary>
    public Func<SaasCall, (int Status, string Body)> Answer { get; set; } = _ => (202, "{}");

    public static async Task<RecordingSaas> StartAsync()
    {
        var saas = new RecordingSaas();
        saas._server = await TargetServer.StartAsync([saas.HandleAsync]);
        return saas;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new SaasCall(
            context.Request.Method,
            context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? string.Empty,
            body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default);
        _calls.Enqueue(call);
        var (status, answer) = Answer(call);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One request the service received.</summary>
public sealed record SaasCall(string Method, string Target, string Authorization, string ContentType, JsonElement Body);
