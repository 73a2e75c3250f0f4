using Gateway.Core.Export;
using Refit;

namespace Gateway.Saas.Http;

/// <summary>
/// A SaaS request that got no answer, for <see cref="HttpDelivery.FromException"/>: Refit wraps the
/// <see cref="HttpRequestException"/> (connection refused, DNS, TLS) in an <see cref="ApiRequestException"/>,
/// which HttpDelivery, living in Core, cannot know; this hands it the cause.
/// </summary>
public static class SaasRequestFailure
{
    /// <summary>True for a network error, a timeout or a cancellation (possibly wrapped by Refit).</summary>
    public static bool IsNoAnswer(Exception exception) =>
        Cause(exception) is HttpRequestException or OperationCanceledException or IOException;

    /// <summary><see cref="HttpDelivery.FromException"/> on the cause; cancellation by <paramref name="cancellationToken"/> is rethrown.</summary>
    public static DeliveryResult Result(Exception exception, string service, int delivered, CancellationToken cancellationToken) =>
        HttpDelivery.FromException(Cause(exception), service, delivered, cancellationToken);

    private static Exception Cause(Exception exception) =>
        exception is ApiRequestException { InnerException: { } inner } ? inner : exception;
}
