using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.PagerDuty;

/// <summary>
/// Sends alarm events to PagerDuty's Events API v2, one request per event in order, stopping at the first
/// failure (the outbox keeps the rest). With <c>changeEvents</c> it also sends node events, notifications
/// and comments as change events. What each event becomes: <see cref="PagerDutyEventMapper"/>; what each
/// answer means: <see cref="PagerDutyAnswer"/>.
/// </summary>
public sealed partial class PagerDutyExporter : IEventExporter
{
    private readonly PagerDutyExporterOptions _options;
    private readonly IPagerDutyApi _api;
    private readonly PagerDutyEventMapper _mapper;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PagerDutyExporter(PagerDutyExporterOptions options, IPagerDutyApi api, TimeProvider time, ILogger<PagerDutyExporter> logger)
    {
        _options = options;
        _api = api;
        _mapper = new PagerDutyEventMapper(options);
        _time = time;
        _logger = logger;
        // The host only: a path or query of a proxy URL could carry a credential.
        var endpoint = options.BaseUrl().GetLeftPart(UriPartial.Authority);
        LogStarted(endpoint, options.ChangeEvents);
    }

    public string Name => "pagerduty";

    public bool Accepts(GatewayEvent e) => e.Alarm is { } a
        ? a.Kind != AlarmEventKind.Commented || _options.ChangeEvents
        : _options.ChangeEvents && (e.NodeChange is not null || e.Notification is not null);

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (_mapper.Map(batch[i]) is not { } request)
            {
                continue;
            }
            try
            {
                using var response = request.Alert is { } alert
                    ? await _api.EnqueueAsync(alert, cancellationToken)
                    : await _api.ChangeAsync(request.Change!, cancellationToken);
                var result = await PagerDutyAnswer.ResultAsync(response, i, _time, _options.RoutingKey, cancellationToken);
                if (result is not DeliveryResult.DeliveredResult)
                {
                    return result;
                }
            }
            catch (Exception ex) when (HttpDelivery.IsNoAnswer(ex))
            {
                return HttpDelivery.FromException(ex, PagerDutyAnswer.Service, i, cancellationToken);
            }
        }
        return DeliveryResult.Delivered;
    }
}
