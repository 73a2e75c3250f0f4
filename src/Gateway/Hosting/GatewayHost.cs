using Gateway.Configuration;
using Gateway.Core.Configuration;
using Gateway.Core.Store;
using Gateway.Http;
using Gateway.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Builds the gateway's web host from a loaded configuration. Only wiring lives here.</summary>
public static class GatewayHost
{
    /// <summary>
    /// Builds the host without its endpoints: mapping them reads validated options, so the caller first
    /// checks the configuration on this same host (<see cref="ConfigCheck"/>), then calls
    /// <see cref="MapEndpoints"/>. Start-up builds the host once for both.
    /// </summary>
    public static WebApplication Build(LoadedConfiguration loaded)
    {
        DurationConverter.Register();
        var configuration = loaded.Root;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "gateway",
            ContentRootPath = loaded.BaseDirectory ?? Directory.GetCurrentDirectory(),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);

        GatewayLogging.Configure(builder.Logging, configuration.GetSection(LoggingOptions.Section), TimeProvider.System);

        var gateway = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // An invalid address is reported by the options validator at start; bind loopback meanwhile.
            var endPoint = ListenAddress.TryParse(gateway.Listen, out var parsed, out _) ? parsed : new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9464);
            kestrel.Listen(endPoint);
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = gateway.ShutdownTimeout);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MetricStore>();
        services.AddSingleton(loaded);
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<ReadinessState>();
        services.AddOptions<LoggingOptions>().Bind(configuration.GetSection(LoggingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoggingOptions>, LoggingOptionsValidator>();
        var sections = new OptionsSections().Add<GatewayOptions>(GatewayOptions.Section).Add<LoggingOptions>(LoggingOptions.Section);
        services.AddSingleton(sections);
        services.AddHostedService<StartupReport>();

        GatewayComponents.Register(services, configuration, loaded, sections);

        return builder.Build();
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapNodesApi();
        app.MapNodeAgentApi();
        GatewayComponents.Map(app);
    }
}
