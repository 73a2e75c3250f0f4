using Gateway.Core.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas;

/// <summary>Runs an outbox's delivery loop on fake time: an attempt, then the wait it asks for, until idle.</summary>
internal static class IncidentOutboxDriver
{
    public static async Task<List<DeliveryStep>> DrainAsync(OutboxDelivery delivery, FakeTimeProvider time, int maxSteps = 2_000)
    {
        var steps = new List<DeliveryStep>();
        for (var i = 0; i < maxSteps; i++)
        {
            var step = await delivery.DeliverOnceAsync(CancellationToken.None);
            if (step.Outcome == DeliveryOutcome.Idle)
            {
                return steps;
            }
            steps.Add(step);
            time.Advance(step.Delay);
        }
        throw new InvalidOperationException("the outbox never drained");
    }

    /// <summary><paramref name="count"/> attempts, advancing fake time by each one's wait.</summary>
    public static async Task<List<DeliveryStep>> StepAsync(OutboxDelivery delivery, FakeTimeProvider time, int count)
    {
        var steps = new List<DeliveryStep>();
        for (var i = 0; i < count; i++)
        {
            var step = await delivery.DeliverOnceAsync(CancellationToken.None);
            steps.Add(step);
            time.Advance(step.Delay);
        }
        return steps;
    }
}
