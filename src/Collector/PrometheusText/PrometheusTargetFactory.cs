using Gateway.Collector.Discovery;
using Gateway.Core.Nodes;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// Builds the <see cref="ScrapeTarget"/> of one <c>host:port</c> of a job: URL from scheme and path, the
/// job's interval/timeout/limits/credentials, and labels (the job's <c>labels</c> overlaid with the
/// discovery group's). The instance is <c>host:port</c>, as in Prometheus, unless a label sets it.
/// </summary>
public sealed class PrometheusTargetFactory
{
    private readonly string _job;
    private readonly string _scheme;
    private readonly string _path;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly PrometheusTargetSettings _settings;
    private readonly Dictionary<string, string> _jobLabels;

    public PrometheusTargetFactory(PrometheusJobOptions job, CollectOptions collect)
    {
        _job = job.Job;
        _scheme = string.IsNullOrEmpty(job.Scheme) ? "http" : job.Scheme.ToLowerInvariant();
        _path = string.IsNullOrEmpty(job.Path) ? "/metrics" : job.Path.StartsWith('/') ? job.Path : "/" + job.Path;
        _interval = job.Interval ?? collect.Interval;
        var timeout = job.Timeout ?? collect.Timeout ?? (_interval < TimeSpan.FromSeconds(5) ? _interval : TimeSpan.FromSeconds(5));
        _timeout = timeout > _interval ? _interval : timeout;
        HttpAuthorization? authorization = null;
        if (job.BasicAuth is { } basic && !string.IsNullOrEmpty(basic.Username))
        {
            authorization = HttpAuthorization.Basic(basic.Username, basic.Password);
        }
        else if (!string.IsNullOrEmpty(job.BearerToken))
        {
            authorization = HttpAuthorization.Bearer(job.BearerToken);
        }
        _settings = new PrometheusTargetSettings(job.Limits.ToParserLimits(), job.Limits.BodySizeLimit.Bytes, authorization);
        _jobLabels = new Dictionary<string, string>(job.Labels, StringComparer.Ordinal);
    }

    /// <summary>Throws <see cref="FormatException"/> when <paramref name="address"/> is not <c>host:port</c>.</summary>
    public ScrapeTarget Create(string address, IReadOnlyDictionary<string, string> labels)
    {
        if (!HostPort.TryParse(address, out _, out _))
        {
            throw new FormatException($"\"{address}\" is not host:port");
        }
        IEnumerable<KeyValuePair<string, string>> merged = labels;
        if (_jobLabels.Count > 0)
        {
            var all = new Dictionary<string, string>(_jobLabels, StringComparer.Ordinal);
            foreach (var (name, value) in labels)
            {
                all[name] = value;
            }
            merged = all;
        }
        var labelSet = TargetLabels.Build(merged, out var instance);
        return new ScrapeTarget(
            new NodeKey(_job, instance ?? address),
            PrometheusTextSource.SourceName,
            $"{_scheme}://{address}{_path}",
            labelSet,
            _interval,
            _timeout,
            _settings);
    }
}
