using Gateway.Core.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas;

/// <summary>
/// Runs an exporter's real delivery loop step by step on a fake clock: each step's wait (backoff,
/// Retry-After, the failing pause) is skipped by advancing the clock, so a five-minute outage takes no time.
/// </summary>
internal static class OutboxDriver
{
    /// <summary>Delivers until the outbox is idle, or <paramref name="stopWhen"/> holds after a step.</summary>
    public static async Task<List<DeliveryStep>> RunAsync(OutboxDelivery delivery, FakeTimeProvider time, Func<bool>? stopWhen = null, int maxSteps = 10_000)
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
            time.Advance(step.Delay > TimeSpan.Zero ? step.Delay : TimeSpan.FromMilliseconds(100));
            if (stopWhen?.Invoke() == true)
            {
                return steps;
            }
        }
        throw new InvalidOperationException($"no end after {maxSteps} steps: " + string.Join(", ", steps.TakeLast(5).Select(s => $"{s.Outcome} {s.Reason}")));
    }
}
