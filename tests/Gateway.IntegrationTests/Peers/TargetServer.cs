using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Peers;

/// <summary>
/// Scrape targets for the gateway: one Kestrel server in the test process listening on several
/// loopback ports, each port a separate target (instance = 127.0.0.1:port) with its own handler.
/// </summary>
public sealed class TargetServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<int, RequestDelegate> _handlers;

    private TargetServer(WebApplication app, Dictionary<int, RequestDelegate> handlers)
    {
        _app = app;
        _handlers = handlers;
    }

    public IReadOnlyCollection<int> Ports => _handlers.Keys;

    public static Task<TargetServer> StartAsync(IReadOnlyList<RequestDelegate> handlers) =>
        StartAsync(handlers.ToDictionary(_ => FreePort.Next(), h => h));

    /// <summary>Serves each handler on its given port (e.g. a target that comes back on the port it had).</summary>
    public static async Task<TargetServer> StartAsync(Dictionary<int, RequestDelegate> byPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var port in byPort.Keys)
            {
                k.Listen(IPAddress.Loopback, port);
            }
            k.Limits.MaxResponseBufferSize = null;
        });
        var app = builder.Build();
        app.Run(context => byPort[context.Connection.LocalPort](context));
        await app.StartAsync();
        return new TargetServer(app, byPort);
    }

    /// <summary>A handler answering with a fixed exposition body.</summary>
    public static RequestDelegate Serve(string body, string contentType = "text/plain; version=0.0.4; charset=utf-8") =>
        async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        };

    public static RequestDelegate Status(int status) =>
        context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("internal error\n");
        };

    /// <summary>Streams <paramref name="bytes"/> of valid exposition lines without holding them in memory.</summary>
    public static RequestDelegate Huge(long bytes) =>
        async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            var line = "huge_series{shard=\"0000000\"} 1\n"u8.ToArray();
            var chunk = new byte[64 * 1024];
            var filled = 0;
            while (filled + line.Length <= chunk.Length)
            {
                line.CopyTo(chunk, filled);
                filled += line.Length;
            }
            for (long sent = 0; sent < bytes; sent += filled)
            {
                try
                {
                    await context.Response.Body.WriteAsync(chunk.AsMemory(0, filled), context.RequestAborted);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    return;
                }
            }
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A TCP port that accepts connections and never answers (a hung node).</summary>
public sealed class HangingListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();

    public HangingListener()
    {
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
