namespace Gateway.Hosting;

/// <summary>One line per thing the configuration tells the gateway to watch, for the start-up log.</summary>
internal static class WatchSummary
{
    public static IEnumerable<string> Describe(IConfiguration configuration)
    {
        var lines = new List<string>();
        foreach (var job in configuration.GetSection("collect:prometheus").GetChildren())
        {
            var name = job["job"] ?? "(unnamed)";
            var targets = job.GetSection("targets").GetChildren().Count();
            var fileSd = job.GetSection("fileSd").GetChildren().Select(c => c.Value).Where(v => v is not null).ToArray();
            var what = $"Prometheus job \"{name}\": {targets} static target(s)";
            if (fileSd.Length > 0)
            {
                what += $", file_sd {string.Join(", ", fileSd)} (watched)";
            }
            lines.Add(what);
        }
        var beam = configuration.GetSection("collect:beam");
        if (beam.Exists())
        {
            var nodes = beam.GetSection("nodes").GetChildren().Select(c => c.Value).Where(v => v is not null).ToArray();
            var epmdHosts = beam.GetSection("epmdHosts").GetChildren().Select(c => c.Value).Where(v => v is not null).ToArray();
            var fileSd = beam.GetSection("fileSd").GetChildren().Select(c => c.Value).Where(v => v is not null).ToArray();
            var parts = new List<string>();
            if (nodes.Length > 0)
            {
                parts.Add($"{nodes.Length} static node(s)");
            }
            if (epmdHosts.Length > 0)
            {
                parts.Add($"every node registered with EPMD on {string.Join(", ", epmdHosts)}");
            }
            if (fileSd.Length > 0)
            {
                parts.Add($"file_sd {string.Join(", ", fileSd)} (watched)");
            }
            lines.Add($"BEAM nodes as a hidden Erlang node: {(parts.Count == 0 ? "none listed" : string.Join("; ", parts))} (agent {(beam["agent"] is "false" ? "off" : "on")})");
        }
        if (lines.Count == 0)
        {
            lines.Add("nothing yet: no collect.prometheus jobs or collect.beam nodes are configured");
        }
        return lines;
    }
}
