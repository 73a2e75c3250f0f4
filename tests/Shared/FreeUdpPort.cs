using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing;

internal static class FreeUdpPort
{
    /// <summary>A UDP port free right now on 127.0.0.1 (bind to port 0, read it, release).</summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
