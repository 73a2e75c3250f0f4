namespace Gateway.Core.Outbox;

/// <summary>Events waiting for the next group commit, with the task their appender awaits.</summary>
internal sealed class PendingAppend
{
    public PendingAppend(EncodedEvent[] events)
    {
        Events = events;
    }

    public EncodedEvent[] Events { get; }

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>An event already serialised, so encoding happens outside the outbox's lock.</summary>
internal readonly record struct EncodedEvent(Guid Id, EventKind Kind, byte[] Payload);
