namespace Gateway.Erlang.Distribution;

/// <summary>How a distribution connection ended: the reason, a description, and the error if any.</summary>
public sealed record ConnectionClosedInfo(ConnectionCloseReason Reason, string Description, Exception? Error = null);
