using System.Globalization;
using Gateway.Core.Export;

namespace Gateway.Saas.Opsgenie;

/// <summary>
/// Opsgenie's answers through <see cref="HttpDelivery"/> (202 delivered; 429 and 5xx retried; 401/403 failing;
/// 400/422 rejected with Opsgenie's <c>message</c> and <c>errors</c>), with two documented differences:
/// 402 Payment Required ("the account cannot do this action because of subscription plan") is the account's
/// problem, not the event's, so the exporter is failing and nothing is dead-lettered; and a 429 without
/// <c>Retry-After</c> waits <c>X-RateLimit-Period-In-Sec</c> (Opsgenie's throttling window) when given.
/// </summary>
public static class OpsgenieAnswer
{
    public const string Service = "Opsgenie";

    public static async Task<DeliveryResult> ResultAsync(
        HttpResponseMessage response, int delivered, TimeProvider time, string? apiKey, CancellationToken cancellationToken)
    {
        var result = await HttpDelivery.ResultAsync(response, Service, delivered, time, [apiKey], cancellationToken);
        return result switch
        {
            DeliveryResult.RejectedResult rejected when (int)response.StatusCode == 402 => DeliveryResult.Failing(rejected.Reason, rejected.DeliveredCount),
            DeliveryResult.RetryResult { After: null } retry when (int)response.StatusCode == 429 && RateLimitPeriod(response) is { } period =>
                DeliveryResult.Retry(retry.Reason, period, retry.DeliveredCount),
            _ => result,
        };
    }

    private static TimeSpan? RateLimitPeriod(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Period-In-Sec", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
