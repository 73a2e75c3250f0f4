using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gateway.Core.Export;

/// <summary>
/// The one mapping of an HTTP answer onto a <see cref="DeliveryResult"/>, shared by every HTTP exporter
/// (Alertmanager, the SaaS services, webhooks), so the outbox — not a second retry loop — does the waiting:
/// 2xx → delivered; 408, 425, 429, 5xx and network errors → retry later (<c>Retry-After</c> honoured);
/// 401/403 → <see cref="DeliveryResult.Failing"/> (a wrong or revoked key: nothing is dead-lettered);
/// any other 4xx (400, 404, 413, 422 …) → rejected and dead-lettered with the service's own error text.
/// Reasons carry the status and the response's text, never the request's URL, headers or body, so a key,
/// a token or a webhook URL cannot leak into a log line or a dead letter; known secrets are masked too.
/// </summary>
public static class HttpDelivery
{
    /// <summary>The longest piece of a response body kept in a reason.</summary>
    public const int MaxErrorText = 300;

    /// <summary>
    /// What <paramref name="response"/> means for the batch; <paramref name="delivered"/> events at its head
    /// went through before this request (or, for a success, the whole batch did and it is ignored).
    /// </summary>
    /// <param name="service">The service's name for the reason (<c>PagerDuty</c>).</param>
    /// <param name="secrets">Values to mask should the response echo them (keys, tokens).</param>
    public static async Task<DeliveryResult> ResultAsync(
        HttpResponseMessage response,
        string service,
        int delivered = 0,
        TimeProvider? time = null,
        IEnumerable<string?>? secrets = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return DeliveryResult.Delivered;
        }
        var text = await ErrorTextAsync(response, secrets, cancellationToken);
        var reason = $"{service} answered {status} {Describe(response.StatusCode)}" + (text.Length > 0 ? ": " + text : string.Empty);
        return Classify(response.StatusCode) switch
        {
            HttpFailure.Retry => DeliveryResult.Retry(reason, RetryAfter(response, time ?? TimeProvider.System), delivered),
            HttpFailure.Refused => DeliveryResult.Failing(reason, delivered),
            _ => DeliveryResult.Reject(reason, delivered),
        };
    }

    /// <summary>
    /// A request that got no answer: a network error or the per-request timeout → retry. Cancellation by
    /// <paramref name="cancellationToken"/> (shutdown, the attempt timeout) is rethrown.
    /// </summary>
    public static DeliveryResult FromException(Exception exception, string service, int delivered = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw exception;
        }
        exception = Cause(exception);
        var reason = exception switch
        {
            TaskCanceledException { InnerException: TimeoutException } or TimeoutException => $"{service} did not answer in time",
            OperationCanceledException => $"{service} did not answer in time",
            HttpRequestException { HttpRequestError: var error } http => $"{service} unreachable ({Describe(error)}){Inner(http)}",
            _ => $"{service} request failed: {exception.GetType().Name}",
        };
        return DeliveryResult.Retry(reason, delivered: delivered);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> means the request got no answer (a network error, a timeout,
    /// a cancellation), also when a client library wraps it (Refit's <c>ApiRequestException</c>): catch
    /// these and hand them to <see cref="FromException"/>; anything else is a bug and goes to the outbox's handler.
    /// </summary>
    public static bool IsNoAnswer(Exception exception) =>
        Cause(exception) is HttpRequestException or OperationCanceledException or IOException or TimeoutException;

    /// <summary>How a non-2xx status is treated.</summary>
    public static HttpFailure Classify(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => HttpFailure.Refused,
        408 or 425 or 429 => HttpFailure.Retry,
        >= 500 => HttpFailure.Retry,
        _ => HttpFailure.Reject,
    };

    /// <summary>The <c>Retry-After</c> of the answer (seconds or an HTTP date), null when absent or in the past.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : null;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }
        return null;
    }

    /// <summary>The start of the response body as one line of printable text, secrets masked.</summary>
    public static async Task<string> ErrorTextAsync(HttpResponseMessage response, IEnumerable<string?>? secrets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        string body;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorText * 4];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            body = Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException)
        {
            return string.Empty;
        }
        return Clean(body, secrets);
    }

    /// <summary>One line, control characters replaced, at most <see cref="MaxErrorText"/> characters, every secret masked.</summary>
    public static string Clean(string text, IEnumerable<string?>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = text;
        foreach (var secret in secrets ?? [])
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
            {
                masked = masked.Replace(secret, "***", StringComparison.Ordinal);
            }
        }
        var line = new StringBuilder(Math.Min(masked.Length, MaxErrorText + 1));
        foreach (var c in masked)
        {
            if (line.Length == MaxErrorText)
            {
                line.Append('…');
                break;
            }
            line.Append(char.IsControl(c) ? ' ' : c);
        }
        return line.ToString().Trim();
    }

    // A client library's wrapper (Refit's ApiRequestException) around the network error.
    private static Exception Cause(Exception exception) =>
        exception is HttpRequestException or OperationCanceledException or IOException or TimeoutException
            || exception.InnerException is not (HttpRequestException or OperationCanceledException or IOException or TimeoutException)
            ? exception
            : exception.InnerException;

    private static string Describe(HttpStatusCode status) => Enum.IsDefined(status) ? status.ToString() : string.Empty;

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "name not resolved",
        HttpRequestError.ConnectionError => "connection failed",
        HttpRequestError.SecureConnectionError => "TLS handshake failed",
        HttpRequestError.ResponseEnded => "response ended early",
        HttpRequestError.InvalidResponse => "invalid response",
        _ => "request failed",
    };

    // The socket error says e.g. "Connection refused"; its message names host:port at most, never the path.
    private static string Inner(HttpRequestException exception) =>
        exception.InnerException is System.Net.Sockets.SocketException socket ? ": " + socket.SocketErrorCode : string.Empty;
}
