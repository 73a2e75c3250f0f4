namespace Gateway.Core.Rules;

/// <summary>One user threshold rule (<c>alarms.rules[i]</c>).</summary>
public sealed class ThresholdRuleOptions
{
    /// <summary>Rule name; also the alarm type. Unique.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The series name as exposed (e.g. <c>erlang_vm_process_count</c>, <c>x_total</c>).</summary>
    public string Metric { get; set; } = string.Empty;

    /// <summary>
    /// Label matchers: <c>name: value</c> (equal), or the value prefixed by an operator:
    /// <c>"=value"</c>, <c>"!=value"</c>, <c>"=~regex"</c>, <c>"!~regex"</c> (regexes are fully anchored, as in PromQL).
    /// </summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    public RaiseOptions Raise { get; set; } = new();

    /// <summary>Hysteresis: the alarm clears only past this threshold. Default: when the raise condition no longer holds.</summary>
    public CeaseOptions? Cease { get; set; }

    /// <summary>
    /// Alarm description template: <c>{{node}}</c>, <c>{{value}}</c>, <c>{{threshold}}</c>, <c>{{labels.NAME}}</c>,
    /// <c>{{rule}}</c>, <c>{{metric}}</c>, <c>{{severity}}</c>, <c>{{resource}}</c>.
    /// </summary>
    public string? Description { get; set; }
}
