namespace Gateway.Saas.Datadog;

/// <summary>The Datadog sites (regions) and their API hosts (<c>https://api.&lt;site&gt;</c>).</summary>
public static class DatadogSites
{
    public const string Default = "datadoghq.com";

    private static readonly string[] Known =
    [
        "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com", "ap2.datadoghq.com", "ddog-gov.com",
    ];

    /// <summary>The known sites, comma-separated, for error messages.</summary>
    public static string Names => string.Join(", ", Known);

    /// <summary><c>https://api.&lt;site&gt;</c>, or null for a site that is not one of <see cref="Known"/>.</summary>
    public static Uri? BaseUrl(string? site)
    {
        // The web UI's host (app.datadoghq.com, app.datadoghq.eu) is what users copy: accept it too.
        var name = site?.Trim().ToLowerInvariant();
        if (name is not null && name.StartsWith("app.", StringComparison.Ordinal))
        {
            name = name[4..];
        }
        return name is not null && Array.IndexOf(Known, name) >= 0 ? new Uri("https://api." + name) : null;
    }
}
