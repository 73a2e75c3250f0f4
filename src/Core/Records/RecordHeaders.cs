namespace Gateway.Core.Records;

/// <summary>
/// Names of the metadata every record travels with (Kafka headers; a webhook sends them as HTTP
/// headers with an <c>X-Gateway-</c> prefix). Values are UTF-8 text.
/// </summary>
public static class RecordHeaders
{
    /// <summary>The event id (a UUID): the idempotency key for de-duplication downstream.</summary>
    public const string EventId = "event-id";

    /// <summary>The record type (<see cref="RecordTypeNames"/>).</summary>
    public const string RecordType = "record-type";

    /// <summary>The schema version (<see cref="EventRecords.SchemaVersion"/>), decimal.</summary>
    public const string SchemaVersion = "schema-version";
}
