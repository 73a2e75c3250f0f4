using Refit;

namespace Gateway.Saas.PagerDuty;

/// <summary>
/// PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/overview): alert events and
/// change events. The routing key travels in the body, so no header carries a secret. Answers are returned,
/// not thrown, for <see cref="PagerDutyAnswer"/> to map.
/// </summary>
public interface IPagerDutyApi
{
    /// <summary>An alert event (trigger, acknowledge, resolve); 202 <c>{"status":"success","message":"Event processed","dedup_key":…}</c>.</summary>
    [Post("/v2/enqueue")]
    Task<HttpResponseMessage> EnqueueAsync([Body] PagerDutyAlertEvent alertEvent, CancellationToken cancellationToken);

    /// <summary>A change event (context on the service's timeline, never a page).</summary>
    [Post("/v2/change/enqueue")]
    Task<HttpResponseMessage> ChangeAsync([Body] PagerDutyChangeEvent changeEvent, CancellationToken cancellationToken);
}
