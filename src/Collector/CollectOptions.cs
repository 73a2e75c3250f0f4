using Gateway.Collector.Beam.Options;
using Gateway.Collector.PrometheusText;

namespace Gateway.Collector;

/// <summary>The <c>collect</c> section: when and how many collections run, and the Prometheus text jobs.</summary>
public sealed class CollectOptions
{
    /// <summary>Default time between two collections of a node (<c>collect.interval</c>).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Bound on one collection (<c>collect.timeout</c>). When set, it must not exceed the interval; when
    /// not set, it is 5s or the interval if that is shorter (as Prometheus's scrape_timeout).
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The timeout in force: <see cref="Timeout"/>, or 5s capped at the interval.</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? (Interval < DefaultTimeout ? Interval : DefaultTimeout);

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Collections running at the same time, over all nodes and sources (<c>collect.concurrency</c>).</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>
    /// Upper bound of the wait between attempts on a failing node (<c>collect.maxBackoff</c>). The effective
    /// cap is min(10 × interval, maxBackoff), never less than the interval.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Prometheus text / OpenMetrics HTTP jobs (<c>collect.prometheus</c>).</summary>
    public IList<PrometheusJobOptions> Prometheus { get; init; } = [];

    /// <summary>BEAM nodes watched as a hidden Erlang node (<c>collect.beam</c>); null when the section is absent.</summary>
    public BeamOptions? Beam { get; set; }
}
