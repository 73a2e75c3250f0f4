using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Outbox;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredEvent))]
[JsonSerializable(typeof(AlarmEvent))]
[JsonSerializable(typeof(Alarm))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
