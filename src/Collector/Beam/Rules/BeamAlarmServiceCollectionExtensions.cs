using Gateway.Core.Alarms;
using Gateway.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Collector.Beam.Rules;

public static class BeamAlarmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in BEAM alarms: <see cref="BeamAlarmOptions"/> bound from
    /// <paramref name="alarmsBeamSection"/> (the <c>alarms:beam</c> section, validated on start) and the
    /// hosted <see cref="BeamAlarmService"/>. Needs <c>AddGatewayAlarms</c> (for the <see cref="AlarmManager"/>)
    /// and a <see cref="MetricStore"/> singleton.
    /// </summary>
    public static IServiceCollection AddBeamAlarms(this IServiceCollection services, IConfiguration alarmsBeamSection)
    {
        services.AddOptions<BeamAlarmOptions>().Bind(alarmsBeamSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BeamAlarmOptions>, BeamAlarmOptionsValidator>();
        services.AddHostedService(sp => new BeamAlarmService(
            sp.GetRequiredService<MetricStore>(),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetRequiredService<IOptions<BeamAlarmOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<BeamAlarmService>>()));
        return services;
    }
}
