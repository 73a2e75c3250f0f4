using Gateway.Core.Rules;
using Gateway.Core.Rules.Beam;
using Gateway.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Core.Rules.Beam;

public sealed class BeamAlarmRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        DurationConverter.Register();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBeamAlarms(configuration.GetSection(BeamAlarmOptions.Section));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Every_default_is_overridable_from_the_alarms_beam_section()
    {
        using var provider = Build(new()
        {
            ["alarms:beam:limits:minor"] = "50",
            ["alarms:beam:messageQueue:major"] = "30000",
            ["alarms:beam:messageQueue:critical"] = "100000",
            ["alarms:beam:memory:bound"] = "4294967296",
            ["alarms:beam:nodeDownAfter"] = "45s",
            ["alarms:beam:oldCodeSeverity"] = "off",
        });

        var options = provider.GetRequiredService<IOptions<BeamAlarmOptions>>().Value;

        Assert.Equal(50, options.Limits.Minor);
        Assert.Equal(85, options.Limits.Major);
        Assert.Equal((5000L, 30000L, (long?)100000), (options.MessageQueue.Minor, options.MessageQueue.Major, options.MessageQueue.Critical));
        Assert.Equal(4294967296L, options.Memory.Bound);
        Assert.Equal(TimeSpan.FromSeconds(45), options.NodeDownAfter);
        Assert.Equal("off", options.OldCodeSeverity);
    }

    [Fact]
    public void An_invalid_section_fails_with_its_yaml_path()
    {
        using var provider = Build(new() { ["alarms:beam:limits:minor"] = "170" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BeamAlarmOptions>>().Value);

        Assert.Contains("alarms.beam.limits.minor: must be between 0 and 100", error.Failures);
    }

    [Fact]
    public void The_beam_set_is_plugged_into_the_evaluation_loop_as_a_rule_set()
    {
        var services = new ServiceCollection();
        services.AddBeamAlarms(new ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(IRuleSet));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
    }
}
