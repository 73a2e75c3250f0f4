using System.Text;
using Gateway.Core.Events;

namespace Gateway.Core.Outbox;

/// <summary>An event the exporter rejected for good (or that could not be read back), with the reason.</summary>
public sealed record DeadLetter(long Sequence, Guid EventId, EventKind Kind, string Reason, DateTimeOffset Time, string Payload)
{
    /// <summary>The stored event; null for a row that could not be read back (why it was dead-lettered).</summary>
    public GatewayEvent? TryDecode()
    {
        try
        {
            return EventCodec.Decode(Encoding.UTF8.GetBytes(Payload));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
