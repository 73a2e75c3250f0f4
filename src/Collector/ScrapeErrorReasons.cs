namespace Gateway.Collector;

/// <summary>
/// The short, stable reasons a collection fails with. They become the <c>reason</c> label of
/// <c>gateway_scrape_errors_total</c> and <c>lastErrorReason</c> in <c>/api/v1/nodes</c>, so keep the set small.
/// </summary>
public static class ScrapeErrorReasons
{
    /// <summary>The collection did not finish within the target's timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The node could not be reached (refused, reset, DNS, TLS …).</summary>
    public const string Connection = "connection";

    /// <summary>The HTTP endpoint answered with a non-2xx status.</summary>
    public const string HttpStatus = "http_status";

    /// <summary>The response body exceeded the configured size limit.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>The exposition could not be parsed.</summary>
    public const string Parse = "parse";

    /// <summary>The exposition had more samples than allowed.</summary>
    public const string SampleLimit = "sample_limit";

    /// <summary>A sample had too many labels, or a label name/value was too long.</summary>
    public const string LabelLimit = "label_limit";

    /// <summary>The source failed in a way it did not classify (a bug: the message says more).</summary>
    public const string Internal = "internal";
}
