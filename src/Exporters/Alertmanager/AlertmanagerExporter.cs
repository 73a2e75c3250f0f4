using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// Posts alarm events to one Alertmanager (<c>POST /api/v2/alerts</c>); one instance and one outbox per
/// URL of an HA cluster. A batch goes as one request, in order. The exporter remembers what Alertmanager
/// last received (<see cref="FiringAlert"/> per alarm id, changed only after a 2xx) and
/// <see cref="ResendAsync"/> posts exactly that again, so a resend can neither run ahead of the outbox
/// (bring back an alert whose clear is still queued) nor fall behind it (revive one already resolved):
/// resends and deliveries take turns on one gate, and a failed resend is simply tried at the next tick —
/// it never enters the outbox, so it cannot block or duplicate the events queued there.
/// </summary>
public sealed partial class AlertmanagerExporter : IEventExporter, IDisposable
{
    private const string Service = "Alertmanager";
    private const int MaxAlertsPerRequest = 500;

    private readonly Func<IAlertmanagerApi> _api;
    private readonly AlertMapper _mapper;
    private readonly AlertmanagerExporterContext _context;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, FiringAlert> _firing = new(StringComparer.Ordinal);
    private bool _seeded;
    private bool _resendFailing;

    /// <param name="name">The instance's name (<c>alertmanager</c>, <c>alertmanager-2</c>); names the outbox.</param>
    /// <param name="api">A client for this Alertmanager (built per call over the named HTTP client).</param>
    public AlertmanagerExporter(string name, Func<IAlertmanagerApi> api, AlarmLinks links, AlertmanagerExporterContext context, TimeProvider time, ILogger<AlertmanagerExporter> logger)
    {
        Name = name;
        _api = api;
        _mapper = new AlertMapper(links);
        _context = context;
        _time = time;
        _logger = logger;
    }

    public string Name { get; }

    /// <summary>Alerts this exporter keeps firing in Alertmanager (resent every <c>resendInterval</c>).</summary>
    public int FiringCount => _firing.Count;

    /// <summary>Resends that failed since start.</summary>
    public long ResendFailures { get; private set; }

    /// <summary>Alarm events only: Alertmanager has no place for logs or node up/down (a node down is the <c>node_down</c> alarm).</summary>
    public bool Accepts(GatewayEvent e) => e.Alarm is not null;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Seed();
            var plan = new AlertPlan(_firing, _mapper, _context);
            foreach (var e in batch)
            {
                if (e.Alarm is { } alarmEvent)
                {
                    plan.Add(alarmEvent);
                }
            }
            if (plan.Alerts.Count == 0)
            {
                return DeliveryResult.Delivered;
            }
            var result = await PostAsync(plan.Alerts, cancellationToken);
            if (result is DeliveryResult.DeliveredResult)
            {
                plan.ApplyTo(_firing);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Posts every alert this exporter keeps firing again, so Alertmanager does not resolve it by its <c>resolve_timeout</c>.</summary>
    public async Task<DeliveryResult> ResendAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        DeliveryResult result = DeliveryResult.Delivered;
        try
        {
            Seed();
            var alerts = _firing.Values.Select(_mapper.Firing).ToArray();
            for (var i = 0; i < alerts.Length && result is DeliveryResult.DeliveredResult; i += MaxAlertsPerRequest)
            {
                result = await PostAsync(alerts[i..Math.Min(alerts.Length, i + MaxAlertsPerRequest)], cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
        if (result is DeliveryResult.DeliveredResult)
        {
            if (_resendFailing)
            {
                _resendFailing = false;
                LogResendRecovered(Name);
            }
        }
        else
        {
            ResendFailures++;
            if (!_resendFailing)
            {
                _resendFailing = true;
                LogResendFailed(Name, Reason(result));
            }
        }
        return result;
    }

    private async Task<DeliveryResult> PostAsync(IReadOnlyList<PostableAlert> alerts, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _api().PostAlertsAsync(alerts, cancellationToken);
            return await HttpDelivery.ResultAsync(response, Service, time: _time, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (NoAnswer(ex) is HttpRequestException or OperationCanceledException or TimeoutException or IOException)
        {
            return HttpDelivery.FromException(NoAnswer(ex), Service, cancellationToken: cancellationToken);
        }
    }

    // After a restart the alerts posted before it are still firing in Alertmanager; the active alarms (as the
    // routing filters would pass them) are what it holds. Called under the gate, so a clear delivered since
    // the alarm manager was read has already removed its alarm from there.
    private void Seed()
    {
        if (_seeded)
        {
            return;
        }
        _seeded = true;
        foreach (var alert in _context.ActiveAlerts())
        {
            _firing.TryAdd(alert.Alarm.Id, alert);
        }
    }

    // Refit wraps a request that got no answer (refused, DNS, TLS) in an ApiRequestException.
    private static Exception NoAnswer(Exception exception) =>
        exception is Refit.ApiRequestException { InnerException: { } inner } ? inner : exception;

    private static string Reason(DeliveryResult result) => result switch
    {
        DeliveryResult.RetryResult r => r.Reason,
        DeliveryResult.FailingResult f => f.Reason,
        DeliveryResult.RejectedResult j => j.Reason,
        _ => "delivered",
    };

    public void Dispose() => _gate.Dispose();

    public override string ToString() => Name;
}
