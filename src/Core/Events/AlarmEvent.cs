namespace Gateway.Core.Events;

public enum AlarmEventKind
{
    Raised,
    SeverityChanged,
    Cleared,
    Acknowledged,
    Unacknowledged,
    Commented,
}

/// <summary>One step of an alarm's lifecycle; <see cref="EventId"/> is the idempotency key for exporters.</summary>
public sealed record AlarmEvent(
    Guid EventId,
    AlarmEventKind Kind,
    Alarm Alarm,
    Severity PreviousSeverity,
    DateTimeOffset Time,
    string? Comment = null);
