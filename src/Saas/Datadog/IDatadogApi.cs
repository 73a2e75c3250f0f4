using Refit;

namespace Gateway.Saas.Datadog;

/// <summary>
/// The two Datadog API calls the exporter makes. Answers are returned, not thrown, and mapped by
/// <see cref="Core.Export.HttpDelivery"/>.
/// </summary>
public interface IDatadogApi
{
    /// <summary>Events API v1: one event per request; 202 <c>{"status":"ok","event":{…}}</c>.</summary>
    [Post("/api/v1/events")]
    Task<HttpResponseMessage> PostEventAsync([Header("DD-API-KEY")] string apiKey, [Body] DatadogEventRequest body, CancellationToken cancellationToken);

    /// <summary>Metrics API v2: a prepared (possibly gzip-encoded) <c>{"series":[…]}</c> body; 202 <c>{"errors":[]}</c>.</summary>
    [Post("/api/v2/series")]
    Task<HttpResponseMessage> SubmitSeriesAsync([Header("DD-API-KEY")] string apiKey, [Body] HttpContent body, CancellationToken cancellationToken);
}
