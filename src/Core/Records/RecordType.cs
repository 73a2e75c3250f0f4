namespace Gateway.Core.Records;

/// <summary>
/// The kinds of records the gateway publishes (Kafka topics, webhook bodies). Their wire names
/// (<see cref="RecordTypeNames"/>) and JSON Schemas (<c>docs/schemas/&lt;name&gt;.schema.json</c>) are a
/// public contract, versioned by <see cref="EventRecords.SchemaVersion"/>.
/// </summary>
public enum RecordType
{
    /// <summary>One step of an alarm's lifecycle (<c>alarm_event</c>).</summary>
    AlarmEvent,

    /// <summary>An active alarm's current state (<c>alarm_state</c>); a clear is a tombstone, not a record.</summary>
    AlarmState,

    /// <summary>A log event or notification from a node (<c>notification</c>).</summary>
    Notification,

    /// <summary>A node came up, went down or left discovery (<c>node_event</c>).</summary>
    NodeEvent,

    /// <summary>A node's metric snapshot, whole or one family (<c>metrics</c>).</summary>
    Metrics,
}
