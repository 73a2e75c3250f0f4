using Prometheus;

namespace Gateway.Core.Telemetry;

/// <summary>
/// The gateway's own counters, gauges and histograms (<c>gateway_*</c>): one prometheus-net registry
/// that the host owns, every series labelled with the gateway's <c>instance</c> and <c>job</c>.
/// Components create their instruments here from their registration code; the Prometheus exporter
/// streams the registry with prometheus-net's own serializer after the nodes' families, never parsing
/// it back. Families rendered from live state with per-node labels (which must merge with the nodes'
/// series of the same name) use <see cref="IMetricFamilyProvider"/> instead. Thread-safe.
/// </summary>
public sealed class SelfMetrics
{
    /// <summary>Every family here is named with this prefix, so none can clash with a node's.</summary>
    public const string NamePrefix = "gateway_";

    private readonly CollectorRegistry _registry = new();
    private readonly MetricFactory _factory;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, bool> _families = new(StringComparer.Ordinal);
    private volatile DeclaredNames _names = new([], []);

    /// <param name="instance">The <c>instance</c> label of every series (the gateway's host name by default).</param>
    /// <param name="job">The <c>job</c> label of every series.</param>
    public SelfMetrics(string instance, string job = SelfMetricsOptions.DefaultJob)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        Instance = instance;
        Job = job;
        // A registry made here, not prometheus-net's default one: no default collectors, no event
        // counter or meter adapters, nothing registered by a library behind the gateway's back.
        _registry.SetStaticLabels(new Dictionary<string, string> { ["instance"] = instance, ["job"] = job });
        _factory = Prometheus.Metrics.WithCustomRegistry(_registry);
    }

    public string Instance { get; }

    public string Job { get; }

    /// <summary>A counter; <paramref name="name"/> starts with <c>gateway_</c> and ends with <c>_total</c>.</summary>
    public Counter CreateCounter(string name, string help, params string[] labelNames)
    {
        Declare(name, counter: true);
        return _factory.CreateCounter(name, help, labelNames);
    }

    /// <summary>A gauge; <paramref name="name"/> starts with <c>gateway_</c>.</summary>
    public Gauge CreateGauge(string name, string help, params string[] labelNames)
    {
        Declare(name, counter: false);
        return _factory.CreateGauge(name, help, labelNames);
    }

    /// <summary>A histogram with upper bounds <paramref name="buckets"/> (<c>+Inf</c> is added); <paramref name="name"/> starts with <c>gateway_</c>.</summary>
    public Histogram CreateHistogram(string name, string help, IReadOnlyList<double> buckets, params string[] labelNames)
    {
        Declare(name, counter: false);
        return _factory.CreateHistogram(name, help, new HistogramConfiguration { Buckets = [.. buckets], LabelNames = labelNames });
    }

    /// <summary>
    /// Runs <paramref name="update"/> before every collection: for instruments that mirror state kept
    /// elsewhere (a gauge of active alarms, a counter kept by a protocol library). Must be quick and
    /// thread-safe (concurrent scrapes run it concurrently); an exception is swallowed by prometheus-net.
    /// </summary>
    public void BeforeCollect(Action update) => _registry.AddBeforeCollectCallback(update);

    /// <summary>
    /// The family names declared so far, as the format declares them: a counter <c>x_total</c> is
    /// <c>x_total</c> in the text format 0.0.4 and <c>x</c> in OpenMetrics. An exporter that writes other
    /// families before <see cref="WriteAsync"/> must leave these names out, or they would be declared twice.
    /// </summary>
    public IReadOnlySet<string> FamilyNames(bool openMetrics)
    {
        var names = _names;
        return openMetrics ? names.OpenMetrics : names.Text;
    }

    /// <summary>
    /// Collects and writes every family to <paramref name="destination"/> in the text format 0.0.4 or
    /// OpenMetrics; OpenMetrics output ends with <c># EOF</c>. The stream is flushed, not closed.
    /// </summary>
    public Task WriteAsync(Stream destination, bool openMetrics, CancellationToken cancellationToken = default) =>
        _registry.CollectAndExportAsTextAsync(
            destination, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, cancellationToken);

    private void Declare(string name, bool counter)
    {
        if (!name.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"self-metric \"{name}\" must start with \"{NamePrefix}\"", nameof(name));
        }
        if (counter != name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException(counter
                ? $"counter \"{name}\" must end with \"_total\""
                : $"\"{name}\" ends with \"_total\", which only counters may", nameof(name));
        }
        lock (_gate)
        {
            if (_families.TryAdd(name, counter))
            {
                _names = new DeclaredNames(
                    new HashSet<string>(_families.Keys, StringComparer.Ordinal),
                    new HashSet<string>(_families.Select(f => f.Value ? f.Key[..^"_total".Length] : f.Key), StringComparer.Ordinal));
            }
        }
    }

    private sealed record DeclaredNames(HashSet<string> Text, HashSet<string> OpenMetrics);
}
