using Gateway.Core.Rules;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Alarms;

/// <summary>Validates the <c>alarms:</c> section, rules included; every error carries its YAML path.</summary>
public sealed class AlarmsOptionsValidator : IValidateOptions<AlarmsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlarmsOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(AlarmsOptions o, string path = AlarmsOptions.Section)
    {
        var errors = new List<string>();
        if (o.MinHold < TimeSpan.Zero)
        {
            errors.Add($"{path}.minHold: must not be negative");
        }
        if (o.StartupGrace < TimeSpan.Zero)
        {
            errors.Add($"{path}.startupGrace: must not be negative");
        }
        if (o.MaintenanceInterval <= TimeSpan.Zero)
        {
            errors.Add($"{path}.maintenanceInterval: must be positive");
        }
        if (o.HistoryRetention <= TimeSpan.Zero)
        {
            errors.Add($"{path}.historyRetention: must be positive");
        }
        if (o.HistoryMaxEvents <= 0)
        {
            errors.Add($"{path}.historyMaxEvents: must be positive");
        }
        if (o.NodeDownAfter < TimeSpan.Zero)
        {
            errors.Add($"{path}.nodeDownAfter: must not be negative");
        }
        if (o.NodeDownSeverity is not null && !RuleSeverity.TryParse(o.NodeDownSeverity, out _))
        {
            errors.Add($"{path}.nodeDownSeverity: \"{o.NodeDownSeverity}\" is not one of {SeverityNames.Allowed}, off");
        }
        if (o.CheckInterval <= TimeSpan.Zero)
        {
            errors.Add($"{path}.checkInterval: must be positive");
        }
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < o.Rules.Count; i++)
        {
            var rule = o.Rules[i];
            ThresholdRule.TryCreate(rule, $"{path}.rules[{i}]", errors);
            if (!string.IsNullOrWhiteSpace(rule.Name) && !names.TryAdd(rule.Name, i))
            {
                errors.Add($"{path}.rules[{i}].name: \"{rule.Name}\" is already the name of rules[{names[rule.Name]}]");
            }
        }
        var logNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < o.LogRules.Count; i++)
        {
            var rule = o.LogRules[i];
            LogRule.TryCreate(rule, $"{path}.logRules[{i}]", errors);
            if (!string.IsNullOrWhiteSpace(rule.Name) && !logNames.TryAdd(rule.Name, i))
            {
                errors.Add($"{path}.logRules[{i}].name: \"{rule.Name}\" is already the name of logRules[{logNames[rule.Name]}]");
            }
        }
        return errors;
    }
}
