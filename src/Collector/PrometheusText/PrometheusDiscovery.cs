using Gateway.Collector.Discovery;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.PrometheusText;

/// <summary>Builds the target providers of <c>collect.prometheus</c>: static targets and file_sd per job.</summary>
public static class PrometheusDiscovery
{
    /// <summary>Group key of a job's static targets.</summary>
    public static string StaticGroupKey(string job) => $"prometheus/static/{job}";

    /// <summary>Group key of a job's file_sd targets.</summary>
    public static string FileSdGroupKey(string job) => $"prometheus/file_sd/{job}";

    /// <param name="options">Validated options.</param>
    /// <param name="baseDirectory">Relative file_sd globs resolve against it (the config file's directory).</param>
    /// <param name="timeProvider">Clock for file_sd refreshes.</param>
    /// <param name="loggerFactory">For file_sd errors.</param>
    public static ITargetProvider Create(CollectOptions options, string baseDirectory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var providers = new List<ITargetProvider>();
        var staticGroups = new List<TargetGroup>();
        var noLabels = new Dictionary<string, string>();
        foreach (var job in options.Prometheus)
        {
            var factory = new PrometheusTargetFactory(job, options);
            if (job.Targets.Count > 0)
            {
                var targets = job.Targets
                    .Distinct(StringComparer.Ordinal)
                    .Select(address => factory.Create(address, noLabels))
                    .ToArray();
                staticGroups.Add(new TargetGroup(StaticGroupKey(job.Job), targets));
            }
            if (job.FileSd.Count > 0)
            {
                providers.Add(new FileSdTargetProvider(
                    FileSdGroupKey(job.Job),
                    FileSdGroupKey(job.Job),
                    job.FileSd,
                    baseDirectory,
                    job.FileSdRefreshInterval,
                    factory.Create,
                    timeProvider,
                    loggerFactory.CreateLogger<FileSdTargetProvider>()));
            }
        }
        providers.Insert(0, new StaticTargetProvider("prometheus/static", staticGroups));
        return new CompositeTargetProvider("prometheus", providers);
    }
}
