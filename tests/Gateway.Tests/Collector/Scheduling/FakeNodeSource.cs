using System.Collections.Concurrent;
using Gateway.Collector;
using Gateway.Core.Nodes;

namespace Gateway.Tests.Collector.Scheduling;

/// <summary>A source whose behaviour per call is a delegate; records every call with the fake time it started.</summary>
internal sealed class FakeNodeSource(TimeProvider time, Func<ScrapeTarget, CancellationToken, Task<ScrapeResult>> behaviour) : INodeSource
{
    private int _inFlight;
    private int _maxInFlight;

    public string Name { get; init; } = "fake";

    public ConcurrentQueue<(NodeKey Node, DateTimeOffset Time)> Calls { get; } = new();

    public ConcurrentQueue<NodeKey> Released { get; } = new();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public Func<ScrapeTarget, CancellationToken, Task<ScrapeResult>> Behaviour { get; set; } = behaviour;

    public int CallsFor(NodeKey node) => Calls.Count(c => c.Node == node);

    public async Task<ScrapeResult> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        Calls.Enqueue((target.Node, time.GetUtcNow()));
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
        try
        {
            return await Behaviour(target, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Release(NodeKey node) => Released.Enqueue(node);
}
