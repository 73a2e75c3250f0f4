using System.Net;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Server;

/// <summary>How a <see cref="DistributionListener"/> presents itself to connecting nodes.</summary>
public sealed class DistributionListenerOptions
{
    /// <summary>
    /// Flags a listener advertises: the library's defaults, SPAWN included (OTP 23+'s <c>rpc:call</c>
    /// goes through erpc's spawn requests and answers <c>{badrpc, notsup}</c> without it), and no
    /// PUBLISHED, so that peers see a hidden node and start no <c>global</c> synchronisation.
    /// </summary>
    public const DistributionFlags DefaultFlags = DistributionFlags.Default;

    /// <summary>Our full node name, <c>alive@host</c>.</summary>
    public required string NodeName { get; init; }

    /// <summary>The shared secret peers must prove; never logged.</summary>
    public required string Cookie { get; init; }

    /// <summary>Address to listen on (loopback by default); port 0 picks a free one.</summary>
    public IPEndPoint ListenEndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>net_ticktime: tick every quarter, drop a peer silent for the whole of it.</summary>
    public TimeSpan NetTickTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest time a connecting peer may take to complete the handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Largest message accepted from a peer.</summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Capability flags we advertise.</summary>
    public DistributionFlags Flags { get; init; } = DefaultFlags;

    /// <summary>Backlog of the listening socket.</summary>
    public int Backlog { get; init; } = 128;
}
