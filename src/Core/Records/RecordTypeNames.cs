namespace Gateway.Core.Records;

/// <summary>The wire names of <see cref="RecordType"/>: the <c>recordType</c> field and header.</summary>
public static class RecordTypeNames
{
    public const string AlarmEvent = "alarm_event";
    public const string AlarmState = "alarm_state";
    public const string Notification = "notification";
    public const string NodeEvent = "node_event";
    public const string Metrics = "metrics";

    /// <summary>Every record type, in the order of <see cref="RecordType"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [AlarmEvent, AlarmState, Notification, NodeEvent, Metrics];

    public static string Name(RecordType type) => type switch
    {
        RecordType.AlarmEvent => AlarmEvent,
        RecordType.AlarmState => AlarmState,
        RecordType.Notification => Notification,
        RecordType.NodeEvent => NodeEvent,
        RecordType.Metrics => Metrics,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
