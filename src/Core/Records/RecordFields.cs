using System.Globalization;
using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Rules;

namespace Gateway.Core.Records;

/// <summary>
/// The field-level pieces every record shares: the envelope, times (ISO 8601 UTC), the alarm object
/// (the same fields and spellings as <c>GET /api/v1/alarms</c>) and numbers that JSON cannot hold.
/// </summary>
internal static class RecordFields
{
    public static void WriteEnvelope(Utf8JsonWriter w, string recordType, Guid eventId, DateTimeOffset time, string node)
    {
        w.WriteString("recordType", recordType);
        w.WriteNumber("schemaVersion", EventRecords.SchemaVersion);
        w.WriteString("eventId", eventId);
        WriteTime(w, "time", time);
        w.WriteString("node", node);
    }

    public static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>UTC with a <c>Z</c>, fraction to 100 ns when there is one (round-trips a <see cref="DateTimeOffset"/>).</summary>
    public static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset time) =>
        w.WriteString(name, time.UtcDateTime);

    /// <summary>The alarm as <c>/api/v1/alarms</c> shows it: non-finite value/threshold as null.</summary>
    public static void WriteAlarm(Utf8JsonWriter w, Alarm a)
    {
        w.WriteStartObject("alarm");
        w.WriteString("id", a.Id);
        w.WriteString("node", a.Node);
        w.WriteString("type", a.Type);
        w.WriteString("resource", a.Resource);
        w.WriteString("severity", SeverityNames.Name(a.Severity));
        w.WriteString("description", a.Description);
        WriteTime(w, "raisedAt", a.RaisedAt);
        WriteTime(w, "updatedAt", a.UpdatedAt);
        WriteFiniteOrNull(w, "value", a.Value);
        WriteFiniteOrNull(w, "threshold", a.Threshold);
        w.WriteBoolean("acknowledged", a.Acknowledged);
        w.WriteEndObject();
    }


    private static void WriteFiniteOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A sample value: a JSON number, or the Prometheus spellings <c>"NaN"</c>, <c>"+Inf"</c>, <c>"-Inf"</c> as strings.</summary>
    public static void WriteSampleValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber("value", value);
        }
        else
        {
            w.WriteString("value", double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf");
        }
    }

    public static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);
}
