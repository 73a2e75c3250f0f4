using System.Text.Json;

namespace Gateway.Saas.SplunkHec;

/// <summary>
/// HEC's answer body <c>{"text":"Success","code":0,"ackId":7}</c> / <c>{"text":"Incorrect index","code":7}</c>,
/// read leniently (a proxy's HTML page is no answer).
/// </summary>
public sealed record SplunkHecAnswer(string? Text, int? Code, long? AckId)
{
    /// <summary>Code 10: the token wants acknowledgement and no channel was sent.</summary>
    public const int DataChannelMissing = 10;

    /// <summary>Code 11: the channel is not a GUID.</summary>
    public const int InvalidDataChannel = 11;

    /// <summary>Code 14: acknowledgement is off on the token, and was asked for.</summary>
    public const int AckDisabled = 14;

    public static SplunkHecAnswer Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new SplunkHecAnswer(null, null, null);
            }
            return new SplunkHecAnswer(
                root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
                root.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : null,
                root.TryGetProperty("ackId", out var ack) && ack.TryGetInt64(out var a) ? a : null);
        }
        catch (JsonException)
        {
            return new SplunkHecAnswer(null, null, null);
        }
    }

    /// <summary>Whether <c>{"acks":{"N":true}}</c> says <paramref name="ackId"/> is indexed.</summary>
    public static bool IsAcknowledged(string body, long ackId)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("acks", out var acks) && acks.ValueKind == JsonValueKind.Object
                && acks.TryGetProperty(ackId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var acked)
                && acked.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
