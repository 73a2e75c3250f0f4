using Gateway.Core.Rules;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Rules.Beam;

/// <summary>Validates <c>alarms.beam</c>; every error carries its YAML path.</summary>
public sealed class BeamAlarmOptionsValidator : IValidateOptions<BeamAlarmOptions>
{
    public ValidateOptionsResult Validate(string? name, BeamAlarmOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(BeamAlarmOptions o, string path = BeamAlarmOptions.YamlPath)
    {
        ArgumentNullException.ThrowIfNull(o);
        var errors = new List<string>();
        CheckPercent(errors, $"{path}.limits", o.Limits.Minor, o.Limits.Major, o.Limits.Critical);
        CheckPercent(errors, $"{path}.memory", o.Memory.Minor, o.Memory.Major, o.Memory.Critical);
        if (o.Memory.Bound is <= 0)
        {
            errors.Add($"{path}.memory.bound: must be a positive number of bytes (leave it unset to switch the memory alarm off)");
        }

        var mq = o.MessageQueue;
        if (mq.Minor <= 0)
        {
            errors.Add($"{path}.messageQueue.minor: must be positive");
        }
        if (mq.Major < mq.Minor)
        {
            errors.Add($"{path}.messageQueue.major: must not be below minor ({mq.Minor})");
        }
        if (mq.Critical is { } critical && critical < mq.Major)
        {
            errors.Add($"{path}.messageQueue.critical: must not be below major ({mq.Major})");
        }

        if (o.NodeDownAfter < TimeSpan.Zero)
        {
            errors.Add($"{path}.nodeDownAfter: must not be negative");
        }
        if (o.CheckInterval <= TimeSpan.Zero)
        {
            errors.Add($"{path}.checkInterval: must be positive");
        }

        if (o.NodeDownSeverity is not null)
        {
            CheckSeverity(errors, $"{path}.nodeDownSeverity", o.NodeDownSeverity);
        }
        CheckSeverity(errors, $"{path}.applicationSeverity", o.ApplicationSeverity);
        CheckSeverity(errors, $"{path}.moduleClashSeverity", o.ModuleClashSeverity);
        CheckSeverity(errors, $"{path}.oldCodeSeverity", o.OldCodeSeverity);
        return errors;
    }

    private static void CheckPercent(List<string> errors, string path, double minor, double major, double critical)
    {
        var ok = true;
        foreach (var (level, value) in new[] { ("minor", minor), ("major", major), ("critical", critical) })
        {
            if (!(value is >= 0 and <= 100))
            {
                errors.Add($"{path}.{level}: must be between 0 and 100");
                ok = false;
            }
        }
        if (ok && !(minor <= major && major <= critical))
        {
            errors.Add($"{path}: levels must satisfy minor ≤ major ≤ critical (got {minor}, {major}, {critical})");
        }
    }

    private static void CheckSeverity(List<string> errors, string path, string? value)
    {
        if (!RuleSeverity.TryParse(value, out _))
        {
            errors.Add($"{path}: \"{value}\" is not one of {SeverityNames.Allowed}, off");
        }
    }
}
