namespace Gateway.Core.Events;

/// <summary>A log event or notification from a node (forwarded logger event, pushed notification).</summary>
/// <param name="Id">Unique id; exporters use it as the idempotency key.</param>
/// <param name="Node">The node (<c>instance</c>) it came from.</param>
/// <param name="Time">When it happened on the node.</param>
/// <param name="Level">syslog-style level: emergency, alert, critical, error, warning, notice, info, debug.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Metadata">pid, mfa, file, line, domain, and anything else the source gave.</param>
/// <param name="Source">Where it came from: <c>logger</c>, <c>alarm_handler</c>, <c>api</c> …</param>
/// <param name="Group">The node's group when it has one (exporters' <c>groups</c> filter).</param>
public sealed record Notification(
    Guid Id,
    string Node,
    DateTimeOffset Time,
    string Level,
    string Message,
    IReadOnlyDictionary<string, string> Metadata,
    string Source,
    string? Group = null);
