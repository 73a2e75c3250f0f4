using Refit;

namespace Gateway.Saas.Opsgenie;

/// <summary>
/// Opsgenie Alert API (https://docs.opsgenie.com/docs/alert-api), addressed by alias
/// (<c>identifierType=alias</c>; Refit escapes the alias in the path). Every call is answered
/// <c>202 {"result":"Request will be processed","took":…,"requestId":…}</c> and processed later.
/// The key goes in <c>Authorization: GenieKey …</c>.
/// </summary>
public interface IOpsgenieApi
{
    [Post("/v2/alerts")]
    Task<HttpResponseMessage> CreateAsync([Authorize("GenieKey")] string apiKey, [Body] OpsgenieCreateAlert alert, CancellationToken cancellationToken);

    [Post("/v2/alerts/{alias}/close?identifierType=alias")]
    Task<HttpResponseMessage> CloseAsync([Authorize("GenieKey")] string apiKey, string alias, [Body] OpsgenieAction action, CancellationToken cancellationToken);

    [Post("/v2/alerts/{alias}/acknowledge?identifierType=alias")]
    Task<HttpResponseMessage> AcknowledgeAsync([Authorize("GenieKey")] string apiKey, string alias, [Body] OpsgenieAction action, CancellationToken cancellationToken);

    [Post("/v2/alerts/{alias}/unacknowledge?identifierType=alias")]
    Task<HttpResponseMessage> UnacknowledgeAsync([Authorize("GenieKey")] string apiKey, string alias, [Body] OpsgenieAction action, CancellationToken cancellationToken);

    [Post("/v2/alerts/{alias}/notes?identifierType=alias")]
    Task<HttpResponseMessage> AddNoteAsync([Authorize("GenieKey")] string apiKey, string alias, [Body] OpsgenieAction note, CancellationToken cancellationToken);

    [Put("/v2/alerts/{alias}/priority?identifierType=alias")]
    Task<HttpResponseMessage> UpdatePriorityAsync([Authorize("GenieKey")] string apiKey, string alias, [Body] OpsgeniePriority priority, CancellationToken cancellationToken);
}
