using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Streaming;

namespace Gateway.Tests.Core.Streaming;

public sealed class RecordingStreamOptions : StreamingExporterOptions;

/// <summary>
/// A streaming exporter whose first export blocks until released, so a test can pile up collections
/// behind it deterministically; records every snapshot it exports.
/// </summary>
internal sealed class RecordingStreamExporter : IEventExporter, IMetricStreamExporter
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<StreamedSnapshot> _exported = [];
    private int _calls;

    public string Name => "streaming";

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<StreamedSnapshot> Exported
    {
        get
        {
            lock (_lock)
            {
                return _exported.ToArray();
            }
        }
    }

    public void Release() => _release.TrySetResult();

    public bool Accepts(GatewayEvent e) => false;

    public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DeliveryResult.Delivered);

    public async ValueTask ExportAsync(IReadOnlyList<StreamedSnapshot> snapshots, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (_lock)
        {
            _exported.AddRange(snapshots);
        }
        await _release.Task.WaitAsync(cancellationToken);
    }
}
