namespace Gateway.Exporters.Gelf;

/// <summary><c>tls:</c> of a <c>tls://</c> or <c>https://</c> endpoint: how the server's certificate is checked.</summary>
public sealed class GelfTlsOptions
{
    /// <summary>A PEM file with the CA certificate(s) to trust instead of the system's; null = the system's trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>Skip the server certificate check (tests only: anyone in the middle can read the logs).</summary>
    public bool InsecureSkipVerify { get; set; }
}
