using System.Globalization;
using System.Net.Http.Headers;
using Gateway.Core.Export;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// GELF over HTTP(S): one <c>POST</c> per message (Graylog's GELF HTTP input takes one message per
/// request) with <c>Content-Type: application/json</c> and, when compressed, <c>Content-Encoding:
/// gzip</c> or <c>deflate</c> (zlib). Delivered = a 2xx answer. 429, 408 and 5xx are retried (after
/// <c>Retry-After</c> when given); any other 4xx rejects the message (dead letter).
/// </summary>
public sealed class GelfHttpTransport : IGelfTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Uri _uri;
    private readonly GelfCompression _compression;
    private readonly int _maxMessageBytes;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public GelfHttpTransport(GelfEndpoint endpoint, GelfCompression compression, IGelfTransportOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _uri = endpoint.HttpUri ?? throw new ArgumentException("not an http(s) endpoint", nameof(endpoint));
        _compression = compression;
        _maxMessageBytes = options.MaxMessageBytes;
        _headers = new Dictionary<string, string>(options.Headers, StringComparer.OrdinalIgnoreCase);
        _time = time;
        handler ??= new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = { RemoteCertificateValidationCallback = GelfTlsValidation.Callback(options.Tls) },
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async ValueTask<DeliveryResult> SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Length > _maxMessageBytes)
            {
                return DeliveryResult.Reject(
                    string.Create(CultureInfo.InvariantCulture, $"GELF message of {messages[i].Length} bytes is over maxMessageBytes ({_maxMessageBytes})"),
                    delivered: i);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = Body(messages[i]) };
            foreach (var (name, value) in _headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                return DeliveryResult.Retry($"POST {_uri}: {e.HttpRequestError}", delivered: i);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DeliveryResult.Retry($"POST {_uri}: connect timed out", delivered: i);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    continue;
                }
                var reason = string.Create(CultureInfo.InvariantCulture, $"POST {_uri}: HTTP {status} {response.ReasonPhrase}");
                if (status is 429 or 408 || status >= 500)
                {
                    return DeliveryResult.Retry(reason, RetryAfter(response), delivered: i);
                }
                return DeliveryResult.Reject(reason, delivered: i);
            }
        }
        return DeliveryResult.Delivered;
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private ReadOnlyMemoryContent Body(ReadOnlyMemory<byte> message)
    {
        var payload = GelfCompressor.Compress(message, _compression);
        var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = Json;
        if (_compression != GelfCompression.None)
        {
            content.Headers.ContentEncoding.Add(_compression == GelfCompression.Gzip ? "gzip" : "deflate");
        }
        return content;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
