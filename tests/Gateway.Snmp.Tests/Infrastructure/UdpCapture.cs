using System.Net;
using System.Net.Sockets;

namespace Gateway.Snmp.Tests.Infrastructure;

/// <summary>A UDP socket on loopback that keeps whatever datagrams arrive (to capture what net-snmp sends).</summary>
public sealed class UdpCapture : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public async Task<byte[]> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var result = await _client.ReceiveAsync(cts.Token);
        return result.Buffer;
    }

    public void Dispose() => _client.Dispose();
}
