using Microsoft.Extensions.Logging;

namespace Gateway.Core.Streaming;

/// <summary>
/// Feeds one <see cref="IMetricStreamExporter"/> from its subscription: waits for snapshots, hands over
/// everything waiting (up to the queue's capacity) in one call. A call that throws loses its snapshots
/// (counted as dropped, logged once per failure streak); the loop goes on.
/// </summary>
public sealed partial class MetricStreamDelivery
{
    private readonly MetricSubscription _subscription;
    private readonly IMetricStreamExporter _exporter;
    private readonly ILogger _logger;
    private bool _failing;

    public MetricStreamDelivery(MetricSubscription subscription, IMetricStreamExporter exporter, ILogger logger)
    {
        _subscription = subscription;
        _exporter = exporter;
        _logger = logger;
    }

    /// <summary>Runs until cancelled or the subscription is closed. Never throws except for cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<StreamedSnapshot>();
        try
        {
            while (await _subscription.WaitToReadAsync(cancellationToken))
            {
                batch.Clear();
                while (batch.Count < _subscription.Capacity && _subscription.TryRead(out var snapshot))
                {
                    batch.Add(snapshot);
                }
                await ExportAsync(batch, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ExportAsync(List<StreamedSnapshot> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _exporter.ExportAsync(batch, cancellationToken);
            _failing = false;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _subscription.AddDropped(batch.Count);
            if (!_failing)
            {
                _failing = true;
                LogExportFailed(ex, _subscription.Exporter, batch.Count);
            }
        }
    }
}
