namespace Gateway.Collector.PrometheusText;

/// <summary><c>collect.prometheus[i].basicAuth</c>. The password is never logged.</summary>
public sealed class PrometheusBasicAuthOptions
{
    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public override string ToString() => $"{Username}:***";
}
