using System.Net;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.Chat;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Slack;

/// <summary>
/// Posts one message per alarm event to a Slack incoming webhook, in order. Slack takes one message a
/// second per webhook: the exporter sends at most that and hands the rest of a batch back to the outbox
/// with the time of the next slot (<see cref="DeliveryResult.Retry"/> with <c>delivered</c>), instead of
/// sleeping. Answers are mapped by <see cref="HttpDelivery"/> (429 with <c>Retry-After</c> waits), except that
/// Slack's 404 (<c>no_service</c>: the webhook was removed or disabled; <c>channel_not_found</c>) and 410
/// (<c>channel_is_archived</c>) refuse the webhook itself, like a 403 (<c>action_prohibited</c>,
/// <c>invalid_token</c>): the exporter is failing and the messages wait for a working URL, they are not dead-lettered.
/// </summary>
public sealed partial class SlackExporter : IEventExporter
{
    /// <summary>Slack's documented limit: one message per second per webhook.</summary>
    public static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);

    private const string Service = "Slack";

    private readonly Func<ISlackWebhookApi> _api;
    private readonly string[] _secrets;
    private readonly AlarmLinks _links;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    /// <param name="webhookUrl">The webhook URL, masked should an answer echo it.</param>
    public SlackExporter(Func<ISlackWebhookApi> api, Uri webhookUrl, AlarmLinks links, TimeProvider time, ILogger<SlackExporter> logger)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        _api = api;
        _secrets = [webhookUrl.OriginalString, webhookUrl.AbsolutePath];
        _links = links;
        _time = time;
        _logger = logger;
    }

    public string Name => "slack";

    /// <summary>Alarm events only (<see cref="Chat.ChatEventNames"/>).</summary>
    public bool Accepts(GatewayEvent e) => e.Alarm is not null;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Alarm is not { } e)
            {
                continue;
            }
            var now = _time.GetUtcNow();
            if (now < _nextSlot)
            {
                return DeliveryResult.Retry("pacing: Slack takes one message a second per webhook", _nextSlot - now, delivered: i);
            }
            _nextSlot = now + Pace;
            DeliveryResult result;
            try
            {
                using var response = await _api().PostAsync(SlackMessageBuilder.For(e, _links.For(e.Alarm.Id)), cancellationToken);
                result = await HttpDelivery.ResultAsync(response, Service, i, _time, _secrets, cancellationToken);
                if (result is DeliveryResult.RejectedResult rejected && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    result = DeliveryResult.Failing(rejected.Reason + " (the webhook or its channel is gone: check webhookUrl)", i);
                }
            }
            catch (Exception ex) when (HttpDelivery.IsNoAnswer(ex))
            {
                result = HttpDelivery.FromException(ex, Service, i, cancellationToken);
            }
            if (result is not DeliveryResult.DeliveredResult)
            {
                if (result is DeliveryResult.RejectedResult reject)
                {
                    LogRejected(reject.Reason);
                }
                return result;
            }
        }
        return DeliveryResult.Delivered;
    }
}
