using System.Globalization;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Where GELF goes: <c>udp://host:port</c>, <c>tcp://host:port</c>, <c>tls://host:port</c> (TCP in
/// TLS) or <c>http(s)://host:port[/path]</c> (path default <c>/gelf</c>). The port defaults to 12201
/// for udp/tcp/tls, the scheme's port for http(s). Credentials belong in <c>headers</c>, never in the URL.
/// </summary>
public sealed record GelfEndpoint(GelfTransportKind Kind, string Host, int Port, Uri? HttpUri)
{
    public const int DefaultPort = 12201;

    public const string Schemes = "udp, tcp, tls, http, https";

    /// <summary>Parses a validated endpoint; throws <see cref="FormatException"/> on a bad one.</summary>
    public static GelfEndpoint Parse(string? text) =>
        TryParse(text, out var endpoint, out var error) ? endpoint : throw new FormatException("endpoint: " + error);

    public static bool TryParse(string? text, out GelfEndpoint endpoint, out string error)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "must be set (udp://host:12201, tcp://…, tls://…, http(s)://…)";
            return false;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"\"{Redacted(text)}\" is not a URL such as udp://graylog:12201";
            return false;
        }
        if (uri.UserInfo.Length > 0)
        {
            // A password in a URL ends up in logs and process listings: credentials go in headers.
            error = $"\"{Redacted(text)}\": credentials in the URL are not used; put them in headers (e.g. Authorization)";
            return false;
        }
        GelfTransportKind kind;
        switch (uri.Scheme)
        {
            case "udp": kind = GelfTransportKind.Udp; break;
            case "tcp": kind = GelfTransportKind.Tcp; break;
            case "tls": kind = GelfTransportKind.Tls; break;
            case "http" or "https": kind = GelfTransportKind.Http; break;
            default:
                error = $"scheme \"{uri.Scheme}\" is not one of {Schemes}";
                return false;
        }
        if (kind != GelfTransportKind.Http && (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0))
        {
            error = $"\"{Redacted(text)}\": a {uri.Scheme} endpoint is host:port, without a path";
            return false;
        }
        var port = uri.IsDefaultPort || uri.Port < 0 ? (kind == GelfTransportKind.Http ? uri.Port : DefaultPort) : uri.Port;
        Uri? httpUri = null;
        if (kind == GelfTransportKind.Http)
        {
            var builder = new UriBuilder(uri);
            if (builder.Path is "/" or "")
            {
                builder.Path = "/gelf";
            }
            httpUri = builder.Uri;
        }
        endpoint = new GelfEndpoint(kind, uri.IdnHost, port, httpUri);
        error = string.Empty;
        return true;
    }

    public override string ToString() => HttpUri?.ToString()
        ?? $"{Kind.ToString().ToLowerInvariant()}://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The text without the user-info part of a URL (which may hold a password).</summary>
    private static string Redacted(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? text[..(scheme + 3)] + "***@" + text[(at + 1)..] : text;
    }
}
