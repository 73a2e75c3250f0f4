using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Collector;

/// <summary>Parses the <c>host:port</c> form of HTTP targets (IPv6 literals in brackets: <c>[::1]:9100</c>).</summary>
public static class HostPort
{
    public static bool TryParse(string? text, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }
        var hostPart = text[..colon];
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }
        if (hostPart.StartsWith('['))
        {
            if (!hostPart.EndsWith(']')
                || !IPAddress.TryParse(hostPart[1..^1], out var address)
                || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else if (!IsHostName(hostPart))
        {
            return false;
        }
        host = hostPart;
        return true;
    }

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
