using System.Globalization;
using System.Net;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Streaming;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Datadog;

/// <summary>
/// Sends alarm events, notifications and node events to Datadog as events (<c>POST /api/v1/events</c>,
/// one per request, in order, stopping at the first failure) and the selected metrics of the metric
/// stream as series (<c>POST /api/v2/series</c>, best-effort). Answers are mapped by
/// <see cref="HttpDelivery"/>: 202 delivered; 400 <c>{"errors":[…]}</c> rejected; 403 (a bad key) failing;
/// 429 (with <c>Retry-After</c> or Datadog's <c>X-RateLimit-Reset</c>), 408 and 5xx retried by the outbox.
/// </summary>
public sealed partial class DatadogExporter : IEventExporter, IMetricStreamExporter
{
    private const string Service = "Datadog";

    private readonly DatadogExporterOptions _options;
    private readonly IDatadogApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DatadogEventMapper _mapper;
    private readonly DatadogMetricSelection _selection;
    private readonly DatadogSeriesBuilder _series;
    private readonly string _apiKey;
    private bool _metricsFailing;

    public DatadogExporter(DatadogExporterOptions options, IDatadogApi api, TimeProvider time, ILogger<DatadogExporter> logger)
    {
        _options = options;
        _api = api;
        _time = time;
        _logger = logger;
        _apiKey = options.ApiKey ?? string.Empty;
        _mapper = new DatadogEventMapper(options.SourceTypeName, options.Tags, time);
        _selection = new DatadogMetricSelection(options.Metrics);
        _series = new DatadogSeriesBuilder(_selection, options.Tags);
    }

    public string Name => "datadog";

    public bool Accepts(GatewayEvent e) => true;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var request = _mapper.Map(batch[i]);
            HttpResponseMessage response;
            try
            {
                response = await _api.PostEventAsync(_apiKey, request, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return HttpDelivery.FromException(ex, Service, i, cancellationToken);
            }
            using (response)
            {
                var result = await ResultAsync(response, i, cancellationToken);
                if (result is not DeliveryResult.DeliveredResult)
                {
                    return result;
                }
            }
        }
        return DeliveryResult.Delivered;
    }

    public async ValueTask ExportAsync(IReadOnlyList<StreamedSnapshot> snapshots, CancellationToken cancellationToken)
    {
        if (!_selection.Any)
        {
            return;
        }
        var points = _series.Build(snapshots, _time.GetUtcNow());
        if (points.Count == 0)
        {
            return;
        }
        var payloads = DatadogSeriesPayloads.Build(points, _options.Gzip, out var skipped);
        if (skipped > 0)
        {
            LogSeriesTooLarge(skipped);
        }
        foreach (var payload in payloads)
        {
            HttpResponseMessage response;
            try
            {
                response = await _api.SubmitSeriesAsync(_apiKey, payload.Content(), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Failed(((DeliveryResult.RetryResult)HttpDelivery.FromException(ex, Service, 0, cancellationToken)).Reason);
            }
            using (response)
            {
                if (await ResultAsync(response, 0, cancellationToken) is { } result && result is not DeliveryResult.DeliveredResult)
                {
                    throw Failed(Reason(result));
                }
            }
            foreach (var point in payload.Points)
            {
                point.Commit?.Apply();
            }
        }
        if (_metricsFailing)
        {
            _metricsFailing = false;
            LogMetricsRecovered();
        }
    }

    private async Task<DeliveryResult> ResultAsync(HttpResponseMessage response, int delivered, CancellationToken cancellationToken)
    {
        var result = await HttpDelivery.ResultAsync(response, Service, delivered, _time, [_apiKey], cancellationToken);
        // Datadog's rate limits say when the window resets (seconds) in X-RateLimit-Reset, often without Retry-After.
        if (result is DeliveryResult.RetryResult { After: null } retry && response.StatusCode == HttpStatusCode.TooManyRequests
            && response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return retry with { After = TimeSpan.FromSeconds(seconds) };
        }
        return result;
    }

    // The metric loop of the kit counts the snapshots as dropped and logs the first failure of a streak.
    private DatadogMetricsException Failed(string reason)
    {
        _metricsFailing = true;
        return new DatadogMetricsException(reason);
    }

    private static string Reason(DeliveryResult result) => result switch
    {
        DeliveryResult.RetryResult r => r.Reason,
        DeliveryResult.RejectedResult r => r.Reason,
        DeliveryResult.FailingResult r => r.Reason,
        _ => "unexpected result",
    };
}
