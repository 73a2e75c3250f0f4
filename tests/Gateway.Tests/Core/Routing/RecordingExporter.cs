using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Routing;

namespace Gateway.Tests.Core.Routing;

/// <summary>Options of the test exporter registered through the kit: the common keys plus one of its own.</summary>
public sealed class RecordingExporterOptions : PushExporterOptions
{
    public string? Topic { get; set; }
}

/// <summary>A push exporter that records what it is given; it can send every kind of event.</summary>
internal sealed class RecordingExporter(string name, RecordingExporterOptions options) : IEventExporter, IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<GatewayEvent> _delivered = [];

    public string Name { get; } = name;

    public RecordingExporterOptions Options { get; } = options;

    public bool Disposed { get; private set; }

    public IReadOnlyList<GatewayEvent> Delivered
    {
        get
        {
            lock (_lock)
            {
                return _delivered.ToArray();
            }
        }
    }

    public bool Accepts(GatewayEvent e) => true;

    public void Dispose() => Disposed = true;

    public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _delivered.AddRange(batch);
        }
        return ValueTask.FromResult(DeliveryResult.Delivered);
    }
}
