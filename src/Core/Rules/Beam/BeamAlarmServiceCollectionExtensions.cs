using Gateway.Core.Alarms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Rules.Beam;

public static class BeamAlarmServiceCollectionExtensions
{
    /// <summary>
    /// Plugs the built-in BEAM alarms into the evaluation loop: <see cref="BeamAlarmOptions"/> bound from
    /// <paramref name="alarmsBeamSection"/> (the <c>alarms:beam</c> section, validated on start) and the
    /// <see cref="BeamRuleSet"/> as an <see cref="IRuleSet"/>. Needs <c>AddGatewayAlarms</c> (for the
    /// <see cref="AlarmManager"/> and the loop).
    /// </summary>
    public static IServiceCollection AddBeamAlarms(this IServiceCollection services, IConfiguration alarmsBeamSection)
    {
        services.AddOptions<BeamAlarmOptions>().Bind(alarmsBeamSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BeamAlarmOptions>, BeamAlarmOptionsValidator>();
        services.AddSingleton<IRuleSet>(sp => new BeamRuleSet(
            sp.GetRequiredService<AlarmManager>(),
            sp.GetRequiredService<IOptions<BeamAlarmOptions>>().Value));
        return services;
    }
}
