using Gateway.Core.Events;
using Gateway.Core.Export;

namespace Gateway.Tests.Core.Outbox;

/// <summary>An exporter whose answers are scripted per call; records what it was given.</summary>
internal sealed class ScriptedExporter : IEventExporter
{
    private readonly Queue<Func<IReadOnlyList<GatewayEvent>, DeliveryResult>> _script = new();
    private readonly object _lock = new();

    public ScriptedExporter(string name = "scripted")
    {
        Name = name;
    }

    public string Name { get; }

    public Func<GatewayEvent, bool> Filter { get; set; } = _ => true;

    /// <summary>The answer once the script is used up.</summary>
    public Func<IReadOnlyList<GatewayEvent>, DeliveryResult> Otherwise { get; set; } = _ => DeliveryResult.Delivered;

    public List<IReadOnlyList<GatewayEvent>> Calls { get; } = [];

    public List<GatewayEvent> Delivered { get; } = [];

    public bool Accepts(GatewayEvent e) => Filter(e);

    public ScriptedExporter Then(Func<IReadOnlyList<GatewayEvent>, DeliveryResult> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ScriptedExporter Then(DeliveryResult answer) => Then(_ => answer);

    public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add(batch.ToArray());
            var answer = (_script.Count > 0 ? _script.Dequeue() : Otherwise)(batch);
            var delivered = answer switch
            {
                DeliveryResult.DeliveredResult => batch.Count,
                DeliveryResult.RetryResult r => r.DeliveredCount,
                DeliveryResult.RejectedResult r => r.DeliveredCount,
                DeliveryResult.FailingResult r => r.DeliveredCount,
                _ => 0,
            };
            Delivered.AddRange(batch.Take(delivered));
            return ValueTask.FromResult(answer);
        }
    }

    public int DeliveredCount
    {
        get
        {
            lock (_lock)
            {
                return Delivered.Count;
            }
        }
    }
}
