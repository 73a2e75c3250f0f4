using Gateway.Core.Metrics;

namespace Gateway.Collector;

/// <summary>
/// The outcome of one collection: the families and source facts, or a failure with a short
/// <see cref="ErrorReason"/> (one of <see cref="ScrapeErrorReasons"/>) and a human-readable message.
/// Sources return failures instead of throwing, so the scheduler never sees an expected error as an exception.
/// </summary>
public sealed class ScrapeResult
{
    private static readonly IReadOnlyDictionary<string, string> NoInfo = new Dictionary<string, string>();

    private ScrapeResult(
        IReadOnlyList<MetricFamily> families,
        IReadOnlyDictionary<string, string> info,
        string? errorReason,
        string? errorMessage)
    {
        Families = families;
        Info = info;
        ErrorReason = errorReason;
        ErrorMessage = errorMessage;
    }

    /// <summary>True when the collection succeeded.</summary>
    public bool Succeeded => ErrorReason is null;

    /// <summary>The collected families (empty on failure).</summary>
    public IReadOnlyList<MetricFamily> Families { get; }

    /// <summary>Source facts for <c>/api/v1/nodes</c> (OTP release, content type …); never secrets.</summary>
    public IReadOnlyDictionary<string, string> Info { get; }

    /// <summary>Null on success; otherwise a short token such as <c>timeout</c> or <c>http_status</c>.</summary>
    public string? ErrorReason { get; }

    /// <summary>Null on success; otherwise what went wrong, for operators (never contains secrets).</summary>
    public string? ErrorMessage { get; }

    public static ScrapeResult Success(IReadOnlyList<MetricFamily> families, IReadOnlyDictionary<string, string>? info = null)
    {
        ArgumentNullException.ThrowIfNull(families);
        return new ScrapeResult(families, info ?? NoInfo, null, null);
    }

    public static ScrapeResult Failure(string reason, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(message);
        return new ScrapeResult([], NoInfo, reason, message);
    }

    public override string ToString() =>
        Succeeded ? $"ok ({Families.Count} families)" : $"{ErrorReason}: {ErrorMessage}";
}
