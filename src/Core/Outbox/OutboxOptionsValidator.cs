using Microsoft.Extensions.Options;

namespace Gateway.Core.Outbox;

/// <summary>Validates the <c>outbox:</c> section (or an exporter's own <c>outbox:</c>); failures carry their YAML path.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private readonly string _path;

    public OutboxOptionsValidator(string path = "outbox")
    {
        _path = path;
    }

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = Check(_path, options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(string path, OutboxOptions o)
    {
        var errors = new List<string>();
        void Positive(string key, double value)
        {
            if (!(value > 0))
            {
                errors.Add($"{path}.{key}: must be positive");
            }
        }
        Positive("maxBatchEvents", o.MaxBatchEvents);
        Positive("maxBatchBytes", o.MaxBatchBytes);
        Positive("maxEvents", o.MaxEvents);
        Positive("maxBytes", o.MaxBytes);
        Positive("maxDeadLetters", o.MaxDeadLetters);
        Positive("initialBackoff", o.InitialBackoff.TotalMilliseconds);
        Positive("breakerFailures", o.BreakerFailures);
        Positive("attemptTimeout", o.AttemptTimeout.TotalMilliseconds);
        if (o.MaxBackoff < o.InitialBackoff)
        {
            errors.Add($"{path}.maxBackoff: must be at least initialBackoff");
        }
        if (o.Jitter is < 0 or > 1 || double.IsNaN(o.Jitter))
        {
            errors.Add($"{path}.jitter: must be between 0 and 1");
        }
        if (o.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{path}.maxRetryAfter: must not be negative");
        }
        if (o.BreakerPause < TimeSpan.Zero)
        {
            errors.Add($"{path}.breakerPause: must not be negative");
        }
        if (!Enum.IsDefined(o.Synchronous))
        {
            errors.Add($"{path}.synchronous: must be normal or full");
        }
        return errors;
    }
}
