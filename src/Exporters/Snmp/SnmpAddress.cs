using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Exporters.Snmp;

/// <summary><c>host[:port]</c> of a destination or the agent; IPv6 literals in brackets (<c>[::1]:162</c>).</summary>
public readonly record struct SnmpAddress(string Host, int Port)
{
    public const int TrapPort = 162;

    /// <param name="allowAnyPort">Accept port 0 (the agent: pick a free port).</param>
    public static bool TryParse(string? text, int defaultPort, out SnmpAddress address, bool allowAnyPort = false)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        string host;
        var port = defaultPort;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(text[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], allowAnyPort, out port)))
            {
                return false;
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return false; // a bare IPv6 literal is ambiguous: it needs brackets
            }
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0 && !TryPort(text[(colon + 1)..], allowAnyPort, out port))
            {
                return false;
            }
            if (!IsHostName(host))
            {
                return false;
            }
        }
        address = new SnmpAddress(host, port);
        return true;
    }

    /// <summary>The IP address when <see cref="Host"/> is a literal (or <c>localhost</c>); null when it needs DNS.</summary>
    public IPAddress? Literal =>
        IPAddress.TryParse(Host, out var ip) ? ip
        : string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : null;

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    private static bool TryPort(string text, bool allowZero, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535 && (port >= 1 || (allowZero && port == 0));

    private static bool IsHostName(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }
        return text.Length is > 0 and <= 253;
    }
}
