using Gateway.Core.Events;
using Gateway.Core.Export;

namespace Gateway.Tests.Core.Outbox;

/// <summary>
/// An exporter that never answers until released: a deterministic hang. With <see cref="IgnoresCancellation"/>
/// it does not even observe its token (a buggy exporter).
/// </summary>
internal sealed class HangingExporter : IEventExporter
{
    private readonly TaskCompletionSource<DeliveryResult> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private int _running;
    private int _overlapped;

    public string Name => "hanging";

    public bool IgnoresCancellation { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that started while another was still running.</summary>
    public int Overlapped => Volatile.Read(ref _overlapped);

    public bool Accepts(GatewayEvent e) => true;

    public void Release(DeliveryResult result) => _release.TrySetResult(result);

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Interlocked.Increment(ref _running) > 1)
        {
            Interlocked.Increment(ref _overlapped);
        }
        try
        {
            return IgnoresCancellation ? await _release.Task : await _release.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
