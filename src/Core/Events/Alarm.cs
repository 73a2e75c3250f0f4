namespace Gateway.Core.Events;

/// <summary>
/// An alarm's current state. <see cref="Id"/> is stable for (node, type, resource). <see cref="Group"/> is
/// the node's group when it has one (exporters' <c>groups</c> filter), not part of the identity.
/// </summary>
public sealed record Alarm(
    string Id,
    string Node,
    string Type,
    string Resource,
    Severity Severity,
    string Description,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    double? Value = null,
    double? Threshold = null,
    bool Acknowledged = false,
    string? Group = null);
