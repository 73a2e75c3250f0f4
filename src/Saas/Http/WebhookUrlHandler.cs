namespace Gateway.Saas.Http;

/// <summary>
/// Sends every request of a webhook client to the webhook URL exactly as configured. Refit builds a request
/// from the base address's path and the method's, and drops the base address's query — where a Teams
/// workflow URL carries its signature (<c>?api-version=…&amp;sig=…</c>). The URL is the secret: it is never logged
/// (the client's request logging is removed).
/// </summary>
public sealed class WebhookUrlHandler(Uri url) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestUri = url;
        return base.SendAsync(request, cancellationToken);
    }
}
