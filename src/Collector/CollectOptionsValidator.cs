using System.Globalization;
using Gateway.Collector.Beam.Options;
using Gateway.Collector.Discovery;
using Gateway.Collector.PrometheusText;
using Microsoft.Extensions.Options;

namespace Gateway.Collector;

/// <summary>
/// Checks the <c>collect</c> section and reports every problem at once, each as
/// <c>collect.&lt;path&gt;: &lt;message&gt;</c> with the YAML path in camelCase.
/// </summary>
public sealed class CollectOptionsValidator : IValidateOptions<CollectOptions>
{
    /// <summary>Bodies above this are refused by configuration: the scrape buffer is a single array.</summary>
    public static readonly ByteSize MaxBodySizeLimit = new(1024L * 1024 * 1024);

    public ValidateOptionsResult Validate(string? name, CollectOptions options)
    {
        var errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every error of <paramref name="options"/>; empty when valid. For <c>gateway check-config</c>.</summary>
    public static IReadOnlyList<string> Validate(CollectOptions options)
    {
        var errors = new List<string>();
        Positive(errors, "collect.interval", options.Interval);
        if (options.Timeout is { } timeout)
        {
            Positive(errors, "collect.timeout", timeout);
        }
        if (options.Interval > TimeSpan.Zero && options.Timeout is { } explicitTimeout && explicitTimeout > options.Interval)
        {
            errors.Add($"collect.timeout: {Show(explicitTimeout)} must not exceed collect.interval ({Show(options.Interval)})");
        }
        if (options.Concurrency < 1)
        {
            errors.Add($"collect.concurrency: must be at least 1 (is {options.Concurrency})");
        }
        Positive(errors, "collect.maxBackoff", options.MaxBackoff);

        var jobs = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Prometheus.Count; i++)
        {
            ValidateJob(errors, options, options.Prometheus[i], i, jobs);
        }
        if (options.Beam is { } beam)
        {
            BeamOptionsValidator.Validate(beam, errors);
        }
        return errors;
    }

    private static void ValidateJob(List<string> errors, CollectOptions collect, PrometheusJobOptions? job, int index, Dictionary<string, int> jobs)
    {
        var path = $"collect.prometheus[{index}]";
        if (job is null)
        {
            errors.Add($"{path}: must not be empty");
            return;
        }
        if (string.IsNullOrWhiteSpace(job.Job))
        {
            errors.Add($"{path}.job: must not be empty");
        }
        else if (!jobs.TryAdd(job.Job, index))
        {
            errors.Add($"{path}.job: \"{job.Job}\" is already used by collect.prometheus[{jobs[job.Job]}]");
        }
        if (job.Targets.Count == 0 && job.FileSd.Count == 0)
        {
            errors.Add($"{path}: needs targets or fileSd");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < job.Targets.Count; t++)
        {
            var target = job.Targets[t];
            if (!HostPort.TryParse(target, out _, out _))
            {
                errors.Add($"{path}.targets[{t}]: \"{target}\" is not host:port");
            }
            else if (!seen.TryAdd(target, t))
            {
                errors.Add($"{path}.targets[{t}]: \"{target}\" is already listed at targets[{seen[target]}]");
            }
        }
        for (var f = 0; f < job.FileSd.Count; f++)
        {
            ValidateGlob(errors, $"{path}.fileSd[{f}]", job.FileSd[f]);
        }
        if (job.FileSd.Count > 0)
        {
            Positive(errors, $"{path}.fileSdRefreshInterval", job.FileSdRefreshInterval);
        }
        if (string.IsNullOrEmpty(job.Path) || !job.Path.StartsWith('/'))
        {
            errors.Add($"{path}.path: \"{job.Path}\" must start with /");
        }
        if (!string.Equals(job.Scheme, "http", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(job.Scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{path}.scheme: \"{job.Scheme}\" must be http or https");
        }
        if (job.Interval is { } interval)
        {
            Positive(errors, $"{path}.interval", interval);
        }
        if (job.Timeout is { } timeout)
        {
            Positive(errors, $"{path}.timeout", timeout);
        }
        var effectiveInterval = job.Interval ?? collect.Interval;
        var effectiveTimeout = job.Timeout ?? collect.Timeout ?? effectiveInterval;
        if ((job.Timeout is not null || (job.Interval is not null && collect.Timeout is not null))
            && effectiveInterval > TimeSpan.Zero && effectiveTimeout > effectiveInterval)
        {
            var timeoutPath = job.Timeout is null ? "collect.timeout" : $"{path}.timeout";
            var intervalPath = job.Interval is null ? "collect.interval" : $"{path}.interval";
            errors.Add($"{timeoutPath}: {Show(effectiveTimeout)} must not exceed {intervalPath} ({Show(effectiveInterval)}) of job \"{job.Job}\"");
        }
        foreach (var (name, _) in job.Labels)
        {
            if (!TargetLabels.IsValidName(name))
            {
                errors.Add($"{path}.labels.{name}: \"{name}\" is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)");
            }
            else if (name.StartsWith("__", StringComparison.Ordinal) || name is "job" or "instance")
            {
                errors.Add($"{path}.labels.{name}: is reserved");
            }
        }
        if (job.BasicAuth is { } basic)
        {
            if (string.IsNullOrEmpty(basic.Username))
            {
                errors.Add($"{path}.basicAuth.username: must not be empty");
            }
            if (!string.IsNullOrEmpty(job.BearerToken))
            {
                errors.Add($"{path}.bearerToken: cannot be combined with basicAuth");
            }
        }
        ValidateLimits(errors, $"{path}.limits", job.Limits);
    }

    private static void ValidateLimits(List<string> errors, string path, PrometheusLimitsOptions? limits)
    {
        if (limits is null)
        {
            return;
        }
        if (limits.BodySizeLimit.Bytes <= 0)
        {
            errors.Add($"{path}.bodySizeLimit: must be positive");
        }
        else if (limits.BodySizeLimit.Bytes > MaxBodySizeLimit.Bytes)
        {
            errors.Add($"{path}.bodySizeLimit: {limits.BodySizeLimit} exceeds the maximum of {MaxBodySizeLimit}");
        }
        NotNegative(errors, $"{path}.sampleLimit", limits.SampleLimit);
        NotNegative(errors, $"{path}.labelLimit", limits.LabelLimit);
        NotNegative(errors, $"{path}.labelNameLengthLimit", limits.LabelNameLengthLimit);
        NotNegative(errors, $"{path}.labelValueLengthLimit", limits.LabelValueLengthLimit);
    }

    private static void ValidateGlob(List<string> errors, string path, string? glob)
    {
        if (string.IsNullOrWhiteSpace(glob))
        {
            errors.Add($"{path}: must not be empty");
            return;
        }
        var directory = Path.GetDirectoryName(glob) ?? string.Empty;
        if (directory.AsSpan().IndexOfAny('*', '?') >= 0 || glob.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            errors.Add($"{path}: \"{glob}\" may use * and ? in the file name only");
        }
        else if (string.IsNullOrEmpty(Path.GetFileName(glob)))
        {
            errors.Add($"{path}: \"{glob}\" must name files (e.g. targets/*.json)");
        }
    }

    private static void Positive(List<string> errors, string path, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{path}: must be positive (is {Show(value)})");
        }
    }

    private static void NotNegative(List<string> errors, string path, int value)
    {
        if (value < 0)
        {
            errors.Add($"{path}: must not be negative (0 = unlimited)");
        }
    }

    private static string Show(TimeSpan value) =>
        value.TotalSeconds >= 1 && value.Milliseconds == 0
            ? value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s"
            : value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}
