using Gateway.Core.Export;

namespace Gateway.Saas.PagerDuty;

/// <summary>
/// PagerDuty's answers through <see cref="HttpDelivery"/> (202 delivered; 429 and 5xx retried with the outbox's
/// backoff — PagerDuty sends no Retry-After; other 400s rejected with PagerDuty's <c>errors</c> text), with one
/// documented difference: a 400 about the routing key ("Invalid routing key", a wrong length or characters)
/// is the configuration's fault, not the event's, so the exporter is failing and nothing is dead-lettered.
/// </summary>
public static class PagerDutyAnswer
{
    public const string Service = "PagerDuty";

    public static async Task<DeliveryResult> ResultAsync(
        HttpResponseMessage response, int delivered, TimeProvider time, string? routingKey, CancellationToken cancellationToken)
    {
        var result = await HttpDelivery.ResultAsync(response, Service, delivered, time, [routingKey], cancellationToken);
        return result is DeliveryResult.RejectedResult rejected && AboutRoutingKey(rejected.Reason)
            ? DeliveryResult.Failing(rejected.Reason, rejected.DeliveredCount)
            : result;
    }

    private static bool AboutRoutingKey(string reason) =>
        reason.Contains("routing key", StringComparison.OrdinalIgnoreCase) || reason.Contains("routing_key", StringComparison.OrdinalIgnoreCase);
}
