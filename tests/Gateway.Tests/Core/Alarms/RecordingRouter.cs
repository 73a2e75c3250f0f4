using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Tests.Core.Alarms;

/// <summary>Records routed events; can be told to fail (a full disk, a broken outbox).</summary>
internal sealed class RecordingRouter : IEventRouter
{
    public List<GatewayEvent> Routed { get; } = [];

    public bool Fail { get; set; }

    public IEnumerable<AlarmEvent> AlarmEvents => Routed.Select(e => e.Alarm!).Where(a => a is not null);

    public Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default)
    {
        if (Fail)
        {
            throw new IOException("disk full");
        }
        lock (Routed)
        {
            Routed.AddRange(events);
        }
        return Task.CompletedTask;
    }
}
