using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Saas;

/// <summary>
/// A SaaS service on 127.0.0.1 (Kestrel, a free port): every request is recorded and checked by the
/// vendor's <see cref="Check"/> (documented method, path, headers, body fields and types); a request that
/// breaks the contract is answered by the vendor's own error (the problems are kept for the test to show).
/// A valid request gets the next scripted answer, else <see cref="Otherwise"/>.
/// </summary>
internal sealed class IncidentStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<IncidentRequest, IncidentAnswer>> _script = new();
    private readonly List<IncidentRequest> _requests = [];
    private readonly List<string> _problems = [];

    private IncidentStub(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The vendor's contract: the problems of a request (empty = valid) and the answer to an invalid one.</summary>
    public required Func<IncidentRequest, List<string>> Check { get; init; }

    public required Func<List<string>, IncidentAnswer> Invalid { get; init; }

    /// <summary>The answer once the script is used up.</summary>
    public Func<IncidentRequest, IncidentAnswer> Otherwise { get; set; } = _ => new IncidentAnswer(202, "{}");

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<IncidentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The requests answered 2xx, in order.</summary>
    public IReadOnlyList<IncidentRequest> Accepted => Requests.Where(r => r.Status is >= 200 and < 300).ToArray();

    /// <summary>Contract violations seen (should stay empty).</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return _problems.ToArray();
            }
        }
    }

    public IncidentStub Then(IncidentAnswer answer) => Then(_ => answer);

    public IncidentStub Then(Func<IncidentRequest, IncidentAnswer> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public static async Task<IncidentStub> StartAsync(Func<IncidentRequest, List<string>> check, Func<List<string>, IncidentAnswer> invalid)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new IncidentStub(app) { Check = check, Invalid = invalid };
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Url = new Uri(url);
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        JsonElement? json = null;
        try
        {
            json = body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : null;
        }
        catch (JsonException)
        {
        }
        var request = new IncidentRequest(
            context.Request.Method,
            context.Request.Path.ToUriComponent(),
            context.Request.QueryString.Value ?? string.Empty,
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            json);
        var problems = Check(request);
        IncidentAnswer answer;
        if (problems.Count > 0)
        {
            lock (_problems)
            {
                _problems.AddRange(problems.Select(p => $"{request.Method} {request.Path}: {p}"));
            }
            answer = Invalid(problems);
        }
        else
        {
            answer = (_script.TryDequeue(out var next) ? next : Otherwise)(request);
        }
        request.Status = answer.Status;
        lock (_requests)
        {
            _requests.Add(request);
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request as the stub received it.</summary>
internal sealed record IncidentRequest(string Method, string Path, string Query, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body, JsonElement? Json)
{
    /// <summary>What the stub answered.</summary>
    public int Status { get; set; }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}

/// <summary>An answer: status, JSON body, extra headers.</summary>
internal sealed record IncidentAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
