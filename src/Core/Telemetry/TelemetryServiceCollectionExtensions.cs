using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="SelfMetrics"/> of the process (labels from <see cref="SelfMetricsOptions"/>).
    /// Idempotent: every component that publishes <c>gateway_*</c> families calls it from its own
    /// registration, so the order of registrations does not matter.
    /// </summary>
    public static IServiceCollection AddSelfMetrics(this IServiceCollection services)
    {
        services.AddOptions<SelfMetricsOptions>();
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<SelfMetricsOptions>>().Value;
            return new SelfMetrics(options.EffectiveInstance, options.Job);
        });
        return services;
    }
}
