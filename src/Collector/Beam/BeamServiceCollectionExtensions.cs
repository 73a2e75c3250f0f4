using Gateway.Collector.Beam.Options;
using Gateway.Core.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Collector.Beam;

public static class BeamServiceCollectionExtensions
{
    /// <summary>
    /// Registers the BEAM source and its discovery, reading <see cref="CollectOptions.Beam"/>.
    /// <see cref="AddGatewayCollector"/> calls it when <c>collect.beam</c> is present. Forwarded log events
    /// and SASL alarms go to Core's <see cref="ICoreIntake"/>, like everything the collector observes.
    /// </summary>
    public static IServiceCollection AddBeamSource(this IServiceCollection services, string? baseDirectory = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => Beam(sp));
        services.TryAddSingleton(sp => new BeamCookies(Beam(sp)));
        services.TryAddSingleton(sp => new BeamEventForwarder(
            sp.GetRequiredService<ICoreIntake>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BeamEventForwarder>>()));
        // Hosts with a data directory register a persistent one first (the gateway does).
        services.TryAddSingleton(_ => new BeamAgentRemovals());
        services.TryAddSingleton(sp => new BeamSource(
            Beam(sp),
            sp.GetRequiredService<BeamCookies>(),
            sp.GetRequiredService<BeamEventForwarder>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<BeamAgentRemovals>()));
        services.AddSingleton<INodeSource>(sp => sp.GetRequiredService<BeamSource>());
        services.AddSingleton<ITargetProvider>(sp => new BeamTargetProvider(
            Beam(sp),
            sp.GetRequiredService<IOptions<CollectOptions>>().Value,
            baseDirectory ?? Directory.GetCurrentDirectory(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BeamTargetProvider>>()));
        return services;
    }

    private static BeamOptions Beam(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<CollectOptions>>().Value.Beam ?? new BeamOptions { EpmdHosts = ["localhost"] };
}
