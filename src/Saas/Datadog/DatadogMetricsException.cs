namespace Gateway.Saas.Datadog;

/// <summary>A series request failed; the message is the answer's reason (never the API key).</summary>
public sealed class DatadogMetricsException : Exception
{
    public DatadogMetricsException()
    {
    }

    public DatadogMetricsException(string message)
        : base(message)
    {
    }

    public DatadogMetricsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
