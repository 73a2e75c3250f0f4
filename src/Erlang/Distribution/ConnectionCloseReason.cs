namespace Gateway.Erlang.Distribution;

/// <summary>Why a distribution connection ended.</summary>
public enum ConnectionCloseReason
{
    /// <summary>The peer closed the socket or it broke (the node stopped, crashed or was killed).</summary>
    ConnectionClosed,

    /// <summary>Nothing arrived from the peer for net_ticktime: it hangs or the network dropped.</summary>
    TickTimeout,

    /// <summary>The peer sent something that is not the distribution protocol; we dropped it.</summary>
    ProtocolError,

    /// <summary>We closed it (disconnect or shutdown).</summary>
    LocalClose,
}
