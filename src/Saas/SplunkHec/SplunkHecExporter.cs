using System.Buffers;
using System.Net.Http.Headers;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.SplunkHec;

/// <summary>
/// Sends alarm events, notifications and node events to a Splunk HTTP Event Collector: the batch's events
/// as concatenated JSON envelopes, as many per request as <c>maxRequestBytes</c> allows, requests in order,
/// stopping at the first failure (the outbox keeps the rest). With <c>ack.enabled</c> a request counts as
/// delivered only once <c>/services/collector/ack</c> says it is indexed; no acknowledgement within
/// <c>ack.timeout</c> → retry, so the events may be indexed twice (at-least-once). Answers: 200 delivered;
/// 400 (<c>Incorrect index</c>, <c>Invalid data format</c> …) rejected; 401/403 and the channel/ack
/// mismatches (codes 10, 11, 14) failing; 503 (<c>Server is busy</c>), 429, 5xx retried.
/// </summary>
public sealed partial class SplunkHecExporter : IEventExporter
{
    private const string Service = "Splunk HEC";

    private readonly SplunkHecExporterOptions _options;
    private readonly ISplunkHecApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SplunkHecEventWriter _writer;
    private readonly string _authorization;
    private readonly string? _channel;
    private readonly string?[] _secrets;
    private bool _warnedNoAckId;

    public SplunkHecExporter(SplunkHecExporterOptions options, ISplunkHecApi api, TimeProvider time, ILogger<SplunkHecExporter> logger)
    {
        _options = options;
        _api = api;
        _time = time;
        _logger = logger;
        _writer = new SplunkHecEventWriter(options.Source, options.Sourcetype, options.Index);
        _authorization = "Splunk " + options.Token;
        _channel = options.Ack.Enabled ? options.Ack.Channel ?? Guid.NewGuid().ToString() : null;
        _secrets = [options.Token];
    }

    public string Name => "splunkHec";

    /// <summary>The channel acknowledgements are asked on (null without <c>ack</c>).</summary>
    public string? Channel => _channel;

    public bool Accepts(GatewayEvent e) => true;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var body = new ArrayBufferWriter<byte>();
        var next = 0;
        while (next < batch.Count)
        {
            body.ResetWrittenCount();
            var count = 0;
            while (next < batch.Count)
            {
                var envelope = _writer.Write(batch[next]);
                if (count > 0 && body.WrittenCount + envelope.Length > _options.MaxRequestBytes)
                {
                    break;
                }
                body.Write(envelope);
                count++;
                next++;
            }
            var result = await SendAsync(body.WrittenSpan.ToArray(), delivered, cancellationToken);
            if (result is not DeliveryResult.DeliveredResult)
            {
                return result;
            }
            delivered += count;
        }
        return DeliveryResult.Delivered;
    }

    private async Task<DeliveryResult> SendAsync(byte[] body, int delivered, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await _api.SendAsync(_authorization, _channel, content, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpDelivery.FromException(ex, Service, delivered, cancellationToken);
        }
        SplunkHecAnswer answer;
        using (response)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            answer = SplunkHecAnswer.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!response.IsSuccessStatusCode)
            {
                var result = await HttpDelivery.ResultAsync(response, Service, delivered, _time, _secrets, cancellationToken);
                return answer.Code is SplunkHecAnswer.DataChannelMissing or SplunkHecAnswer.InvalidDataChannel or SplunkHecAnswer.AckDisabled
                    ? DeliveryResult.Failing(Reason(result) + AckHint(answer.Code.Value), delivered)
                    : result;
            }
        }
        if (_channel is null)
        {
            return DeliveryResult.Delivered;
        }
        if (answer.AckId is not { } ackId)
        {
            if (!_warnedNoAckId)
            {
                _warnedNoAckId = true;
                LogNoAckId();
            }
            return DeliveryResult.Delivered;
        }
        return await WaitForAckAsync(ackId, delivered, cancellationToken);
    }

    // Polls until HEC says the request is indexed. A poll that fails for a passing reason (network, 503)
    // is asked again at the next interval; only the timeout ends the wait.
    private async Task<DeliveryResult> WaitForAckAsync(long ackId, int delivered, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.Ack.Timeout;
        string? last = null;
        while (true)
        {
            await Task.Delay(_options.Ack.PollInterval, _time, cancellationToken);
            try
            {
                using var response = await _api.AckAsync(_authorization, _channel!, new SplunkHecAckRequest([ackId]), cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    if (SplunkHecAnswer.IsAcknowledged(await response.Content.ReadAsStringAsync(cancellationToken), ackId))
                    {
                        return DeliveryResult.Delivered;
                    }
                }
                else
                {
                    var result = await HttpDelivery.ResultAsync(response, Service, delivered, _time, _secrets, cancellationToken);
                    var answer = SplunkHecAnswer.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    if (result is DeliveryResult.FailingResult || answer.Code is SplunkHecAnswer.AckDisabled or SplunkHecAnswer.InvalidDataChannel)
                    {
                        return DeliveryResult.Failing(Reason(result) + (answer.Code is { } code ? AckHint(code) : string.Empty), delivered);
                    }
                    last = Reason(result);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = Reason(HttpDelivery.FromException(ex, Service, delivered, cancellationToken));
            }
            if (_time.GetUtcNow() >= deadline)
            {
                return DeliveryResult.Retry(
                    $"{Service} did not acknowledge ackId {ackId} within {_options.Ack.Timeout}; the events are sent again" + (last is null ? string.Empty : $" (last poll: {last})"),
                    delivered: delivered);
            }
        }
    }

    private static string AckHint(int code) => code switch
    {
        SplunkHecAnswer.DataChannelMissing => " (the token has indexer acknowledgement on: set exporters.splunkHec.ack.enabled: true)",
        SplunkHecAnswer.AckDisabled => " (the token has indexer acknowledgement off: turn it on in Splunk or set exporters.splunkHec.ack.enabled: false)",
        _ => " (exporters.splunkHec.ack.channel must be a GUID)",
    };

    private static string Reason(DeliveryResult result) => result switch
    {
        DeliveryResult.RetryResult r => r.Reason,
        DeliveryResult.RejectedResult r => r.Reason,
        DeliveryResult.FailingResult r => r.Reason,
        _ => "delivered",
    };
}
