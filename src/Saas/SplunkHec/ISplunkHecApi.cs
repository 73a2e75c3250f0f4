using Refit;

namespace Gateway.Saas.SplunkHec;

/// <summary>
/// The HEC calls. Answers are returned, not thrown. <c>authorization</c> is <c>Splunk &lt;token&gt;</c>;
/// a null <c>channel</c> sends no <c>X-Splunk-Request-Channel</c> header.
/// </summary>
public interface ISplunkHecApi
{
    /// <summary>Events in the JSON envelope, several objects one after another; 200 <c>{"text":"Success","code":0}</c> (+ <c>"ackId"</c>).</summary>
    [Post("/services/collector/event")]
    Task<HttpResponseMessage> SendAsync(
        [Header("Authorization")] string authorization,
        [Header("X-Splunk-Request-Channel")] string? channel,
        [Body] HttpContent events,
        CancellationToken cancellationToken);

    /// <summary>Indexing status: <c>{"acks":[N]}</c> → <c>{"acks":{"N":true}}</c>.</summary>
    [Post("/services/collector/ack")]
    Task<HttpResponseMessage> AckAsync(
        [Header("Authorization")] string authorization,
        [Header("X-Splunk-Request-Channel")] string channel,
        [Body] SplunkHecAckRequest body,
        CancellationToken cancellationToken);
}
