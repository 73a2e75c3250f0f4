using Refit;

namespace Gateway.Saas.Teams;

/// <summary>
/// A Microsoft Teams workflow webhook ("When a Teams webhook request is received"): <c>POST</c> of a
/// message with an Adaptive Card to the workflow's URL, query and signature included (the whole URL is the
/// address: <see cref="Http.WebhookUrlHandler"/>); <c>202 Accepted</c> when the workflow takes it.
/// </summary>
public interface ITeamsWorkflowApi
{
    [Post("/")]
    Task<HttpResponseMessage> PostAsync([Body] TeamsMessage message, CancellationToken cancellationToken);
}
