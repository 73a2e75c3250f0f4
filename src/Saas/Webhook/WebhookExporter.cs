using System.Net.Http.Headers;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Records;

namespace Gateway.Saas.Webhook;

/// <summary>
/// POSTs each event, in order, as one JSON record (<c>docs/schemas/</c>, the same records as Kafka's) with
/// <c>X-Gateway-Event-Id</c>, <c>X-Gateway-Record-Type</c>, <c>X-Gateway-Schema-Version</c>, a timestamp and,
/// with a <c>secret</c>, an HMAC signature. The answer is mapped by <see cref="HttpDelivery"/>; the first
/// failure stops the batch and says how many went through.
/// </summary>
public sealed class WebhookExporter : IEventExporter
{
    public const string Service = "Webhook";

    private readonly IWebhookApi _api;
    private readonly WebhookExporterOptions _options;
    private readonly TimeProvider _time;
    private readonly string?[] _secrets;

    public WebhookExporter(IWebhookApi api, WebhookExporterOptions options, TimeProvider time)
    {
        _api = api;
        _options = options;
        _time = time;
        _secrets = [.. options.Secrets(), .. QueryValues(options.Url!)];
    }

    public string Name => "webhook";

    public bool Accepts(GatewayEvent e) => true;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var body = EventRecords.Serialize(batch[i]);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var headers = Headers(batch[i], body);
            HttpResponseMessage response;
            try
            {
                response = await _api.PostAsync(content, headers, cancellationToken);
            }
            catch (Exception ex) when (HttpDelivery.IsNoAnswer(ex))
            {
                return HttpDelivery.FromException(ex, Service, i, cancellationToken);
            }
            using (response)
            {
                var result = await HttpDelivery.ResultAsync(response, Service, i, _time, _secrets, cancellationToken);
                if (result is not DeliveryResult.DeliveredResult)
                {
                    return result;
                }
            }
        }
        return DeliveryResult.Delivered;
    }

    private Dictionary<string, string> Headers(GatewayEvent e, byte[] body)
    {
        var headers = new Dictionary<string, string>(_options.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["X-Gateway-Event-Id"] = e.Id.ToString(),
            ["X-Gateway-Record-Type"] = RecordTypeNames.Name(EventRecords.TypeOf(e)),
            ["X-Gateway-Schema-Version"] = EventRecords.SchemaVersionText,
        };
        var timestamp = WebhookSignature.Timestamp(_time.GetUtcNow());
        headers[WebhookSignature.TimestampHeader] = timestamp;
        if (!string.IsNullOrEmpty(_options.Secret))
        {
            headers[WebhookSignature.Header] = WebhookSignature.Sign(_options.Secret, timestamp, body);
        }
        return headers;
    }

    // A token in the URL's query is masked on its own too, should the receiver echo it.
    private static IEnumerable<string?> QueryValues(string url) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query) is var query ? query.AllKeys.Select(k => query[k]) : [];
}
