using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Says in the log, once started, where the gateway listens, what it watches and how to configure it.</summary>
internal sealed partial class StartupReport(
    LoadedConfiguration loaded,
    IOptions<GatewayOptions> gateway,
    IHostApplicationLifetime lifetime,
    ReadinessState readiness,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            LogListening(logger, ThisAssembly.Version, gateway.Value.Listen, loaded.Origin);
            foreach (var line in WatchSummary.Describe(loaded.Root))
            {
                LogWatching(logger, line);
            }
            if (loaded.IsEmbeddedDefault)
            {
                LogHowToConfigure(logger);
            }
            readiness.MarkReady();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {Version} serving http://{Listen} (/metrics, /healthz, /readyz, /api/v1/nodes); configuration: {Origin}")]
    private static partial void LogListening(ILogger logger, string version, string listen, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching: {What}")]
    private static partial void LogWatching(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "No --config given, so this is the embedded default: it watches the BEAM nodes of the local EPMD (cookie from ~/.erlang.cookie or GATEWAY_BEAM_COOKIE). To watch other nodes, write a gateway.yaml (see README.md: collect.beam, collect.prometheus, exporters) and run: gateway run --config gateway.yaml; check it first with: gateway check-config gateway.yaml")]
    private static partial void LogHowToConfigure(ILogger logger);
}
