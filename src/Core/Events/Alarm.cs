namespace Gateway.Core.Events;

/// <summary>An alarm's current state. <see cref="Id"/> is stable for (node, type, resource).</summary>
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
    bool Acknowledged = false);
