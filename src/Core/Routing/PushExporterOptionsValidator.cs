using Gateway.Core.Outbox;
using Gateway.Core.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>
/// Validates a push exporter's options: first the exporter's own keys (its validator, if any), then the
/// common ones — <c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>, <c>outbox</c> and, for a
/// streaming exporter, <c>metricQueue</c>. Every error is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>.
/// </summary>
public sealed class PushExporterOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : PushExporterOptions
{
    private readonly string _path;
    private readonly EventVocabulary _events;
    private readonly IValidateOptions<TOptions>? _exporter;
    private readonly IConfiguration? _section;
    private readonly OutboxDefaults? _defaults;

    /// <param name="yamlPath">Where the options live, e.g. <c>exporters.kafka</c>.</param>
    /// <param name="events">The names <c>events</c> accepts (default <see cref="EventVocabulary.Standard"/>).</param>
    /// <param name="exporter">The exporter's validator for its own keys; its errors come first.</param>
    /// <param name="section">The exporter's section: an outbox error it did not cause (inherited from the
    /// global <c>outbox:</c>, reported there) is not repeated under the exporter.</param>
    /// <param name="defaults">The global outbox section, with <paramref name="section"/>.</param>
    public PushExporterOptionsValidator(
        string yamlPath,
        EventVocabulary? events = null,
        IValidateOptions<TOptions>? exporter = null,
        IConfiguration? section = null,
        OutboxDefaults? defaults = null)
    {
        _path = yamlPath;
        _events = events ?? EventVocabulary.Standard;
        _exporter = exporter;
        _section = section;
        _defaults = defaults;
    }

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = new List<string>();
        if (_exporter?.Validate(name, options) is { Failed: true, Failures: { } failures })
        {
            errors.AddRange(failures);
        }
        errors.AddRange(Check(options));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private List<string> Check(TOptions o)
    {
        var errors = new List<string>();
        if (o.MinSeverity is not null && !SeverityThreshold.TryParse(o.MinSeverity, out _))
        {
            errors.Add($"{_path}.minSeverity: \"{o.MinSeverity}\" is not one of {SeverityThreshold.Names}");
        }
        for (var i = 0; i < (o.Events?.Count ?? 0); i++)
        {
            if (!_events.TryParse(o.Events![i], out _))
            {
                errors.Add($"{_path}.events[{i}]: \"{o.Events[i]}\" is not one of {_events.Names}");
            }
        }
        for (var i = 0; i < (o.Nodes?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(o.Nodes![i]))
            {
                errors.Add($"{_path}.nodes[{i}]: must not be empty (a node name or a glob such as \"mim*@*\")");
            }
        }
        for (var i = 0; i < (o.Groups?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(o.Groups![i]))
            {
                errors.Add($"{_path}.groups[{i}]: must not be empty");
            }
        }
        errors.AddRange(OwnOutboxErrors(o.Outbox));
        if (o is StreamingExporterOptions { MetricQueue: < 1 })
        {
            errors.Add($"{_path}.metricQueue: must be at least 1");
        }
        return errors;
    }

    private IEnumerable<string> OwnOutboxErrors(OutboxOptions outbox)
    {
        var at = _path + ".outbox";
        var errors = OutboxOptionsValidator.Check(at, outbox);
        if (errors.Count == 0 || _section is null || _defaults is null)
        {
            return errors;
        }
        var inherited = OutboxOptionsValidator.Check(string.Empty, _defaults.Create()).ToHashSet(StringComparer.Ordinal);
        var own = _section.GetSection("outbox").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return errors.Where(e =>
        {
            var rest = e[at.Length..];                         // ".jitter: must be …"
            var key = rest[1..rest.IndexOf(':', StringComparison.Ordinal)];
            return own.Contains(key) || !inherited.Contains(rest);
        });
    }
}
