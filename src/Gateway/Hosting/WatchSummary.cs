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
        if (lines.Count == 0)
        {
            lines.Add("nothing yet: no collect.prometheus jobs are configured");
        }
        return lines;
    }
}
