using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Opsgenie;

/// <summary>
/// Sends alarm events to Opsgenie's Alert API, one call per event in order, stopping at the first failure
/// (the outbox keeps the rest). What each event becomes: <see cref="OpsgenieEventMapper"/>; what each answer
/// means: <see cref="OpsgenieAnswer"/>. Opsgenie accepts a call with 202 and processes it later: a call it
/// then fails (e.g. closing an alert that does not exist) shows in Opsgenie's integration log, not here.
/// </summary>
public sealed partial class OpsgenieExporter : IEventExporter
{
    private readonly OpsgenieExporterOptions _options;
    private readonly IOpsgenieApi _api;
    private readonly OpsgenieEventMapper _mapper;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OpsgenieExporter(OpsgenieExporterOptions options, IOpsgenieApi api, TimeProvider time, ILogger<OpsgenieExporter> logger)
    {
        _options = options;
        _api = api;
        _mapper = new OpsgenieEventMapper(options);
        _time = time;
        _logger = logger;
        // The host only: a path or query of a proxy URL could carry a credential.
        var endpoint = options.BaseUrl().GetLeftPart(UriPartial.Authority);
        LogStarted(endpoint, options.Responders.Count);
    }

    public string Name => "opsgenie";

    public bool Accepts(GatewayEvent e) => e.Alarm is not null;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        var key = _options.ApiKey ?? string.Empty;
        for (var i = 0; i < batch.Count; i++)
        {
            if (_mapper.Map(batch[i]) is not { } request)
            {
                continue;
            }
            try
            {
                using var response = await SendAsync(key, request, cancellationToken);
                var result = await OpsgenieAnswer.ResultAsync(response, i, _time, key, cancellationToken);
                if (result is not DeliveryResult.DeliveredResult)
                {
                    return result;
                }
            }
            catch (Exception ex) when (HttpDelivery.IsNoAnswer(ex))
            {
                return HttpDelivery.FromException(ex, OpsgenieAnswer.Service, i, cancellationToken);
            }
        }
        return DeliveryResult.Delivered;
    }

    private Task<HttpResponseMessage> SendAsync(string key, OpsgenieRequest request, CancellationToken cancellationToken) => request.Call switch
    {
        OpsgenieCall.Create => _api.CreateAsync(key, (OpsgenieCreateAlert)request.Body, cancellationToken),
        OpsgenieCall.Close => _api.CloseAsync(key, request.Alias, (OpsgenieAction)request.Body, cancellationToken),
        OpsgenieCall.Acknowledge => _api.AcknowledgeAsync(key, request.Alias, (OpsgenieAction)request.Body, cancellationToken),
        OpsgenieCall.Unacknowledge => _api.UnacknowledgeAsync(key, request.Alias, (OpsgenieAction)request.Body, cancellationToken),
        OpsgenieCall.AddNote => _api.AddNoteAsync(key, request.Alias, (OpsgenieAction)request.Body, cancellationToken),
        _ => _api.UpdatePriorityAsync(key, request.Alias, (OpsgeniePriority)request.Body, cancellationToken),
    };
}
