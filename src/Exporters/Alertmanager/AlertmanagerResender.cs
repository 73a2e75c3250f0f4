using Microsoft.Extensions.Hosting;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// Every <c>resendInterval</c>, each Alertmanager destination posts its firing alerts again (all
/// destinations at once, so a hanging one delays only itself). Outside the outboxes on purpose: a resend
/// is a refresh of state Alertmanager already has, worth nothing once the next one is due, so a failed
/// one is dropped — queued, it would pile up behind an outage and delay the real events.
/// </summary>
public sealed class AlertmanagerResender(AlertmanagerDestinations destinations, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(destinations.ResendInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(destinations.All.Select(d => d.ResendAsync(stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
