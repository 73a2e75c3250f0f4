using Gateway.Core.Rules.Beam;

namespace Gateway.Tests.Core.Rules.Beam;

public sealed class BeamAlarmOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(BeamAlarmOptionsValidator.Check(new BeamAlarmOptions()));
    }

    [Fact]
    public void Every_error_names_its_yaml_path()
    {
        var options = new BeamAlarmOptions
        {
            Limits = new PercentThresholds { Minor = 120 },
            Memory = new MemoryThresholds { Bound = 0, Major = 50, Minor = 60 },
            MessageQueue = new MessageQueueThresholds { Minor = 0, Major = -1, Critical = -2 },
            NodeDownAfter = TimeSpan.FromSeconds(-1),
            CheckInterval = TimeSpan.Zero,
            NodeDownSeverity = "fatal",
            ApplicationSeverity = "warning",
            ModuleClashSeverity = "OFF",
            OldCodeSeverity = "",
        };

        Assert.Equal(
            [
                "alarms.beam.limits.minor: must be between 0 and 100",
                "alarms.beam.memory: levels must satisfy minor ≤ major ≤ critical (got 60, 50, 95)",
                "alarms.beam.memory.bound: must be a positive number of bytes (leave it unset to switch the memory alarm off)",
                "alarms.beam.messageQueue.minor: must be positive",
                "alarms.beam.messageQueue.major: must not be below minor (0)",
                "alarms.beam.messageQueue.critical: must not be below major (-1)",
                "alarms.beam.nodeDownAfter: must not be negative",
                "alarms.beam.checkInterval: must be positive",
                "alarms.beam.nodeDownSeverity: \"fatal\" is not one of critical, major, minor, warning, off",
                "alarms.beam.oldCodeSeverity: \"\" is not one of critical, major, minor, warning, off",
            ],
            BeamAlarmOptionsValidator.Check(options));
    }
}
