using Refit;

namespace Gateway.Saas.Slack;

/// <summary>
/// A Slack incoming webhook: <c>POST</c> of a JSON message to the webhook URL (the whole URL is the
/// address: <see cref="Http.WebhookUrlHandler"/>); <c>200 ok</c> when posted, else a status with a short
/// text such as <c>invalid_payload</c>.
/// </summary>
public interface ISlackWebhookApi
{
    [Post("/")]
    Task<HttpResponseMessage> PostAsync([Body] SlackMessage message, CancellationToken cancellationToken);
}
