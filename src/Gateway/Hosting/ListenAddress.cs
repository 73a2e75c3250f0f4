using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Gateway.Hosting;

/// <summary>Parses <c>host:port</c> listen addresses.</summary>
public static class ListenAddress
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPEndPoint? endPoint, [NotNullWhen(false)] out string? error)
    {
        endPoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "must be host:port, e.g. 127.0.0.1:9464";
            return false;
        }
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"\"{text}\" is not host:port";
            return false;
        }
        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"\"{text}\" is not host:port (the port must be 0-65535)";
            return false;
        }
        IPAddress? address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (address is null)
        {
            error = $"\"{text}\": the host must be an IP address or localhost";
            return false;
        }
        endPoint = new IPEndPoint(address, port);
        error = null;
        return true;
    }
}
