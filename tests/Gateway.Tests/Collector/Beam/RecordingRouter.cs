using System.Collections.Concurrent;
using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Tests.Collector.Beam;

/// <summary>An <see cref="IEventRouter"/> that keeps what it is given, and lets a test wait for an event.</summary>
public sealed class RecordingRouter : IEventRouter
{
    private readonly ConcurrentQueue<GatewayEvent> received = new();
    private readonly SemaphoreSlim arrived = new(0);

    public IReadOnlyCollection<GatewayEvent> Events => received;

    public Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            received.Enqueue(e);
            arrived.Release();
        }
        return Task.CompletedTask;
    }

    /// <summary>The first notification matching <paramref name="match"/>; fails after 30 s (a hang guard, not a timing assertion).</summary>
    public async Task<Notification> WaitForAsync(Func<Notification, bool> match)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = received.Select(e => e.Notification).FirstOrDefault(n => n is not null && match(n));
            if (found is not null)
            {
                return found;
            }
            await arrived.WaitAsync(guard.Token);
        }
    }
}
