using System.IO.Compression;
using System.Net;
using Gateway.Core.Export;
using Gateway.Exporters.Gelf;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfHttpTransportTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_message_is_one_post_to_slash_gelf_with_json_gzip_and_the_configured_headers()
    {
        var handler = new ScriptedHandler(HttpStatusCode.Accepted, HttpStatusCode.Accepted);
        await using var transport = Transport("http://graylog:12201", "gzip", handler);

        var result = await transport.SendAsync([Message("a"), Message("b")], CancellationToken.None);

        Assert.Same(DeliveryResult.Delivered, result);
        Assert.Equal(2, handler.Requests.Count);
        var (request, body) = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://graylog:12201/gelf", request.RequestUri!.ToString());
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(["gzip"], request.Content.Headers.ContentEncoding);
        Assert.Equal("Bearer t0ken", request.Headers.GetValues("Authorization").Single());
        using var gunzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var json = new MemoryStream();
        await gunzip.CopyToAsync(json);
        Assert.Equal(Message("a"), json.ToArray());
    }

    [Fact]
    public async Task A_503_with_retry_after_is_a_retry_after_the_messages_already_accepted()
    {
        var handler = new ScriptedHandler(HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable) { RetryAfter = TimeSpan.FromSeconds(7) };
        await using var transport = Transport("http://graylog:12201", null, handler);

        var result = await transport.SendAsync([Message("a"), Message("b"), Message("c")], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal((1, TimeSpan.FromSeconds(7)), (retry.DeliveredCount, retry.After));
        Assert.Null(handler.Requests[0].Request.Content!.Headers.ContentEncoding.FirstOrDefault());
    }

    [Fact]
    public async Task A_429_is_retried_and_a_400_is_rejected()
    {
        await using var limited = Transport("https://graylog/gelf", null, new ScriptedHandler(HttpStatusCode.TooManyRequests));
        await using var refused = Transport("https://graylog/gelf", null, new ScriptedHandler(HttpStatusCode.Accepted, HttpStatusCode.BadRequest));

        Assert.IsType<DeliveryResult.RetryResult>(await limited.SendAsync([Message("a")], CancellationToken.None));
        var rejected = Assert.IsType<DeliveryResult.RejectedResult>(await refused.SendAsync([Message("a"), Message("b")], CancellationToken.None));
        Assert.Equal(1, rejected.DeliveredCount);
        Assert.Contains("HTTP 400", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_a_retry()
    {
        await using var transport = Transport("http://graylog:12201", null, new ScriptedHandler { Throw = true });

        Assert.Equal(0, Assert.IsType<DeliveryResult.RetryResult>(await transport.SendAsync([Message("a")], CancellationToken.None)).DeliveredCount);
    }

    private GelfHttpTransport Transport(string endpoint, string? compression, HttpMessageHandler handler)
    {
        var options = new GelfExporterOptions { Endpoint = endpoint, Compression = compression, Headers = { ["Authorization"] = "Bearer t0ken" } };
        var parsed = GelfEndpoint.Parse(endpoint);
        return new GelfHttpTransport(parsed, GelfTransportOptionsValidation.EffectiveCompression(options, parsed), options, _time, handler);
    }

    private static byte[] Message(string text) =>
        GelfJsonEncoder.Encode(new GelfMessage("h", text, DateTimeOffset.UnixEpoch, 6));

    private sealed class ScriptedHandler(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = [];

        public TimeSpan? RetryAfter { get; init; }

        public bool Throw { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Throw)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused");
            }
            Requests.Add((request, await request.Content!.ReadAsByteArrayAsync(cancellationToken)));
            var response = new HttpResponseMessage(answers[Math.Min(_next++, answers.Length - 1)]);
            if (RetryAfter is { } after)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
            }
            return response;
        }
    }
}
