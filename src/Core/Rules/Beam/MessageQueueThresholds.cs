namespace Gateway.Core.Rules.Beam;

/// <summary>Message queue levels of one process, in messages. <see cref="Critical"/> is off unless set.</summary>
public sealed class MessageQueueThresholds
{
    public long Minor { get; set; } = 5_000;

    public long Major { get; set; } = 20_000;

    public long? Critical { get; set; }
}
