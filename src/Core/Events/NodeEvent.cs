namespace Gateway.Core.Events;

/// <summary>A node came up or went down (for SNMP node up/down notifications and the like).</summary>
public sealed record NodeEvent(Guid EventId, string Node, bool Up, DateTimeOffset Time, string? Reason);
