namespace Gateway.Core.Outbox;

/// <summary>What one delivery attempt did, and how long the loop waits before the next.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Events">Events delivered or dead-lettered (on a retry or while isolating: those delivered before the failure).</param>
/// <param name="Delay">Wait before the next attempt (zero: go on at once).</param>
/// <param name="Reason">The exporter's reason for a retry or rejection.</param>
public sealed record DeliveryStep(DeliveryOutcome Outcome, int Events, TimeSpan Delay, string? Reason = null);

public enum DeliveryOutcome
{
    /// <summary>The outbox is empty.</summary>
    Idle,
    Delivered,
    /// <summary>The exporter asked to retry (or threw, or timed out); what it did not deliver stays at the head.</summary>
    Retrying,
    /// <summary>A rejected batch of several events is split and retried one by one to find the bad one(s).</summary>
    Isolating,
    DeadLettered,
    /// <summary>The peer refuses the exporter (401/403): the exporter is failing, the events wait.</summary>
    Failing,
}
