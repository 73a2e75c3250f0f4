using System.Net;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.Chat;

namespace Gateway.Saas.Teams;

/// <summary>
/// Posts one Adaptive Card per alarm event to a Teams workflow webhook, in order, stopping at the first
/// failure (the outbox keeps the rest). Answers are mapped by <see cref="HttpDelivery"/> (202 is delivered;
/// 429 waits for <c>Retry-After</c>; 401/403 — a wrong or revoked signature — make the exporter failing),
/// except 404: the workflow was deleted or turned off, which refuses the webhook itself, so the exporter is
/// failing and the cards wait for a working URL rather than being dead-lettered.
/// </summary>
public sealed class TeamsExporter : IEventExporter
{
    private const string Service = "Teams";

    private readonly Func<ITeamsWorkflowApi> _api;
    private readonly string[] _secrets;
    private readonly AlarmLinks _links;
    private readonly TimeProvider _time;

    /// <param name="webhookUrl">The workflow URL, masked should an answer echo it (its <c>sig</c> above all).</param>
    public TeamsExporter(Func<ITeamsWorkflowApi> api, Uri webhookUrl, AlarmLinks links, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        _api = api;
        _secrets = [webhookUrl.OriginalString, webhookUrl.AbsolutePath, webhookUrl.Query.TrimStart('?'), .. QueryValues(webhookUrl)];
        _links = links;
        _time = time;
    }

    public string Name => "teams";

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
            DeliveryResult result;
            try
            {
                using var response = await _api().PostAsync(TeamsCardBuilder.For(e, _links.For(e.Alarm.Id)), cancellationToken);
                result = await HttpDelivery.ResultAsync(response, Service, i, _time, _secrets, cancellationToken);
                if (result is DeliveryResult.RejectedResult rejected && response.StatusCode == HttpStatusCode.NotFound)
                {
                    result = DeliveryResult.Failing(rejected.Reason + " (the workflow is gone or off: check webhookUrl)", i);
                }
            }
            catch (Exception ex) when (HttpDelivery.IsNoAnswer(ex))
            {
                result = HttpDelivery.FromException(ex, Service, i, cancellationToken);
            }
            if (result is not DeliveryResult.DeliveredResult)
            {
                return result;
            }
        }
        return DeliveryResult.Delivered;
    }

    private static IEnumerable<string> QueryValues(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2) is [_, var value] ? value : string.Empty)
            .Where(v => v.Length >= 8);
}
