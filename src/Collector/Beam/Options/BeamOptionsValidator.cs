using System.Globalization;

namespace Gateway.Collector.Beam.Options;

/// <summary>
/// Checks <c>collect.beam</c>; called by <see cref="CollectOptionsValidator"/>. Messages carry the YAML
/// path and never a cookie.
/// </summary>
public static class BeamOptionsValidator
{
    private static readonly string[] Levels = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug", "all", "none"];

    public static void Validate(BeamOptions options, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        const string path = "collect.beam";
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Nodes.Count; i++)
        {
            var node = options.Nodes[i];
            if (!BeamNodeNames.IsValid(node))
            {
                errors.Add($"{path}.nodes[{i}]: \"{node}\" is not name@host");
            }
            else if (!seen.TryAdd(node, i))
            {
                errors.Add($"{path}.nodes[{i}]: \"{node}\" is already listed at nodes[{seen[node]}]");
            }
        }
        for (var i = 0; i < options.EpmdHosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.EpmdHosts[i]) || options.EpmdHosts[i].Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"{path}.epmdHosts[{i}]: \"{options.EpmdHosts[i]}\" is not a host name");
            }
        }
        for (var i = 0; i < options.FileSd.Count; i++)
        {
            var glob = options.FileSd[i];
            if (string.IsNullOrWhiteSpace(glob) || string.IsNullOrEmpty(Path.GetFileName(glob))
                || (Path.GetDirectoryName(glob) ?? string.Empty).AsSpan().IndexOfAny('*', '?') >= 0)
            {
                errors.Add($"{path}.fileSd[{i}]: \"{glob}\" must name files, with * and ? in the file name only");
            }
        }
        foreach (var (group, patterns) in options.Groups)
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                errors.Add($"{path}.groups: a group name must not be empty");
            }
            if (patterns is null || patterns.Count == 0)
            {
                errors.Add($"{path}.groups.{group}: needs at least one node pattern");
                continue;
            }
            for (var i = 0; i < patterns.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(patterns[i]) || !patterns[i].Contains('@', StringComparison.Ordinal))
                {
                    errors.Add($"{path}.groups.{group}[{i}]: \"{patterns[i]}\" is not a name@host pattern");
                }
            }
        }
        foreach (var (group, cookie) in options.Cookies)
        {
            if (!options.Groups.ContainsKey(group))
            {
                errors.Add($"{path}.cookies.{group}: no such group in collect.beam.groups");
            }
            CheckCookie(errors, $"{path}.cookies.{group}", cookie);
        }
        if (options.Cookie is not null)
        {
            CheckCookie(errors, $"{path}.cookie", options.Cookie);
        }
        if (!Levels.Contains(options.LogLevel, StringComparer.Ordinal))
        {
            errors.Add($"{path}.logLevel: \"{options.LogLevel}\" is not one of {string.Join(", ", Levels)}");
        }
        if (options.NodeName is not null && !BeamNodeNames.IsValid(options.NodeName))
        {
            errors.Add($"{path}.nodeName: \"{options.NodeName}\" is not name@host");
        }
        if (BeamSettingsFactory.ParseNaming(options.MetricNames) is null)
        {
            errors.Add($"{path}.metricNames: \"{options.MetricNames}\" is not prometheus_erl_v4, prometheus_erl_v5 or prometheus_erl_v6");
        }
        if (string.IsNullOrWhiteSpace(options.Job))
        {
            errors.Add($"{path}.job: must not be empty");
        }
        if (options.NetTickTime < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{path}.netTickTime: must be at least 1s (is {options.NetTickTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s)");
        }
        if (options.EpmdPort is < 1 or > 65535)
        {
            errors.Add($"{path}.epmdPort: {options.EpmdPort} is not a port number");
        }
        if (options.Interval is { } interval && interval <= TimeSpan.Zero)
        {
            errors.Add($"{path}.interval: must be positive");
        }
        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"{path}.timeout: must be positive");
        }
        ValidateAgent(options.AgentOptions, $"{path}.agentOptions", errors);
    }

    private static void ValidateAgent(BeamAgentOptions agent, string path, List<string> errors)
    {
        if (agent is null)
        {
            errors.Add($"{path}: must be a map");
            return;
        }
        if (agent.MaxProcesses < 0)
        {
            errors.Add($"{path}.maxProcesses: must be 0 or more (is {agent.MaxProcesses})");
        }
        if (agent.TopN is < 1 or > 100)
        {
            errors.Add($"{path}.topN: must be 1 to 100 (is {agent.TopN})");
        }
        if (agent.CallTimeout < TimeSpan.FromMilliseconds(1) || agent.CallTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{path}.callTimeout: must be 1ms to 1m (is {agent.CallTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms)");
        }
        if (agent.LogsPerSecond < 1)
        {
            errors.Add($"{path}.logsPerSecond: must be at least 1 (is {agent.LogsPerSecond})");
        }
        if (agent.LogMaxBytes is < 256 or > 1_048_576)
        {
            errors.Add($"{path}.logMaxBytes: must be 256 to 1048576 (is {agent.LogMaxBytes})");
        }
    }

    // The cookie's value never goes into a message: only what is wrong with it.
    private static void CheckCookie(List<string> errors, string path, string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            errors.Add($"{path}: must not be empty");
        }
        else if (cookie.Any(c => c > '\u00FF'))
        {
            errors.Add($"{path}: must consist of Latin-1 characters");
        }
    }
}
