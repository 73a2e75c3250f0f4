using System.Net.Security;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Node;

/// <summary>How our hidden node introduces itself and talks to other nodes.</summary>
public sealed class LocalNodeOptions
{
    /// <summary>
    /// Our full node name, <c>alive@host</c> (e.g. <c>gateway-1@localhost</c>). A host with a dot makes
    /// us a long-name node (<c>-name</c>), otherwise a short-name node (<c>-sname</c>): the peers must
    /// use the same mode. Required.
    /// </summary>
    public string NodeName { get; init; } = string.Empty;

    /// <summary>The magic cookie shared with the peers. Required. Never logged.</summary>
    public string Cookie { get; init; } = string.Empty;

    /// <summary>
    /// net_ticktime (default 60 s, as in OTP): we send a tick every quarter of it and declare a peer
    /// down that stayed silent for all of it. Should match the peers' <c>-kernel net_ticktime</c>.
    /// </summary>
    public TimeSpan NetTickTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The port of the peers' EPMD; null (default) = <c>ERL_EPMD_PORT</c> if set, else 4369.</summary>
    public int? EpmdPort { get; init; }

    /// <summary>Budget for EPMD lookup, TCP/TLS connect and handshake together (default 7 s, OTP's net_setuptime).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>After a failed connect, the first wait before another attempt (default 100 ms); doubles per failure.</summary>
    public TimeSpan ReconnectBackoffMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between connect attempts to a failing node (default 30 s).</summary>
    public TimeSpan ReconnectBackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest message accepted or sent (default 256 MiB).</summary>
    public long MaxMessageBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Capability flags we advertise (default <see cref="DistributionFlags.Default"/>; never add PUBLISHED or the atom cache).</summary>
    public DistributionFlags Flags { get; init; } = DistributionFlags.Default;

    /// <summary>
    /// Highest handshake version to use (default 6: OTP 23+ 'N'); 5 forces the old 'n' handshake, as a
    /// pre-OTP-23 node would need anyway (its EPMD entry says so and we follow it).
    /// </summary>
    public int MaxHandshakeVersion { get; init; } = HandshakeCodec.Version6;

    /// <summary>
    /// How RPCs travel: <see cref="RpcTransport.Rex"/> (default; two messages per call, every OTP
    /// release, the faster of the two in our benchmark) or <see cref="RpcTransport.Spawn"/> (the erpc way).
    /// </summary>
    public RpcTransport RpcTransport { get; init; } = RpcTransport.Rex;

    /// <summary>
    /// TLS distribution (<c>-proto_dist inet_tls</c>): null (default) = plain TCP. The target host is
    /// set per node from its host name unless given here. EPMD stays plain TCP, as in OTP.
    /// </summary>
    public SslClientAuthenticationOptions? Tls { get; init; }

    /// <summary>Every problem with these options as <c>key: message</c> (key in camelCase); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!NodeNameParser.TryParse(NodeName, out _, out _))
        {
            errors.Add($"nodeName: \"{NodeName}\" is not name@host");
        }

        if (string.IsNullOrEmpty(Cookie))
        {
            errors.Add("cookie: is required");
        }
        else if (Cookie.Any(c => c > '\u00FF'))
        {
            errors.Add("cookie: must consist of Latin-1 characters");
        }

        if (NetTickTime < TimeSpan.FromSeconds(1))
        {
            errors.Add($"netTickTime: {NetTickTime} is below 1 s");
        }

        if (EpmdPort is < 1 or > 65535)
        {
            errors.Add($"epmdPort: {EpmdPort} is not a port number");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add("connectTimeout: must be positive");
        }

        if (ReconnectBackoffMin < TimeSpan.Zero || ReconnectBackoffMax < ReconnectBackoffMin)
        {
            errors.Add("reconnectBackoffMin: must be between 0 and reconnectBackoffMax");
        }

        if (MaxMessageBytes is < 1024 or > int.MaxValue)
        {
            errors.Add($"maxMessageBytes: {MaxMessageBytes} is not between 1024 and {int.MaxValue}");
        }

        if ((Flags & DistributionFlags.Mandatory25) != DistributionFlags.Mandatory25)
        {
            errors.Add("flags: must include every flag OTP 25 makes mandatory");
        }

        if ((Flags & (DistributionFlags.Published | DistributionFlags.DistHdrAtomCache | DistributionFlags.Fragments)) != 0)
        {
            errors.Add("flags: PUBLISHED, DIST_HDR_ATOM_CACHE and FRAGMENTS are not supported");
        }

        if (MaxHandshakeVersion is not (HandshakeCodec.Version5 or HandshakeCodec.Version6))
        {
            errors.Add("maxHandshakeVersion: must be 5 or 6");
        }

        return errors;
    }
}
