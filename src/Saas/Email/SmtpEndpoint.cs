using System.Globalization;

namespace Gateway.Saas.Email;

/// <summary>The <c>smtp:</c> key: <c>host</c>, <c>host:port</c>, <c>[v6]:port</c>.</summary>
public sealed record SmtpEndpoint(string Host, int Port)
{
    public static bool TryParse(string? text, int defaultPort, out SmtpEndpoint endpoint)
    {
        endpoint = new SmtpEndpoint(string.Empty, 0);
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsWhiteSpace) || text.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 2)
            {
                return false;
            }
            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }
                port = rest[1..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return false; // a bare IPv6 address needs brackets
            }
            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? null : text[(colon + 1)..];
        }
        var number = defaultPort;
        if (host.Length == 0
            || (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535)))
        {
            return false;
        }
        endpoint = new SmtpEndpoint(host, number);
        return true;
    }

    public override string ToString() =>
        (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
