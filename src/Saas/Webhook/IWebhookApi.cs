using Refit;

namespace Gateway.Saas.Webhook;

/// <summary>The receiver; every request goes to the configured URL as is (<see cref="Http.WebhookUrlHandler"/>).</summary>
public interface IWebhookApi
{
    [Post("")]
    Task<HttpResponseMessage> PostAsync([Body] HttpContent record, [HeaderCollection] IDictionary<string, string> headers, CancellationToken cancellationToken);
}
