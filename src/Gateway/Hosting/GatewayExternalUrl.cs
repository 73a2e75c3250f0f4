using System.Net;
using System.Net.Sockets;
using Gateway.Core.Alarms;

namespace Gateway.Hosting;

/// <summary>The gateway's external URL: <c>gateway.externalUrl</c>, else <c>http://</c> + <c>gateway.listen</c>.</summary>
public static class GatewayExternalUrl
{
    public static bool IsValid(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static Uri For(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExternalUrl is { } external && IsValid(external))
        {
            return new Uri(external);
        }
        if (!ListenAddress.TryParse(options.Listen, out var endPoint, out _))
        {
            return AlarmLinks.Default.ExternalUrl;
        }
        // A wildcard address is reached by the machine's name, not by 0.0.0.0.
        var host = endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any)
            ? Dns.GetHostName()
            : endPoint.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
        return new UriBuilder(Uri.UriSchemeHttp, host, endPoint.Port).Uri;
    }

    public static AlarmLinks Links(GatewayOptions options) => new(For(options));
}
