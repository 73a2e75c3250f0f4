using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Gateway.Core.Export;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Export;

public sealed class HttpDeliveryTests
{
    private static HttpResponseMessage Answer(int status, string body = "", Action<HttpResponseMessage>? headers = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
        headers?.Invoke(response);
        return response;
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task A_2xx_is_delivered(int status)
    {
        using var response = Answer(status);
        Assert.Same(DeliveryResult.Delivered, await HttpDelivery.ResultAsync(response, "Svc"));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(425)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Temporary_statuses_are_retried_keeping_what_went_through(int status)
    {
        using var response = Answer(status, "busy");
        var result = Assert.IsType<DeliveryResult.RetryResult>(await HttpDelivery.ResultAsync(response, "Svc", delivered: 3));
        Assert.Equal(3, result.DeliveredCount);
        Assert.StartsWith($"Svc answered {status}", result.Reason);
        Assert.EndsWith(": busy", result.Reason);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_key_marks_the_exporter_failing_instead_of_dead_lettering(int status)
    {
        using var response = Answer(status, """{"message":"invalid key"}""");
        var result = Assert.IsType<DeliveryResult.FailingResult>(await HttpDelivery.ResultAsync(response, "Svc", delivered: 1));
        Assert.Equal(1, result.DeliveredCount);
        Assert.Contains("invalid key", result.Reason);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(422)]
    public async Task Other_client_errors_are_rejected_with_the_services_text(int status)
    {
        using var response = Answer(status, """{"status":"invalid event","errors":["'severity' is missing"]}""");
        var result = Assert.IsType<DeliveryResult.RejectedResult>(await HttpDelivery.ResultAsync(response, "PagerDuty"));
        Assert.Equal($"PagerDuty answered {status} {(HttpStatusCode)status}: {{\"status\":\"invalid event\",\"errors\":[\"'severity' is missing\"]}}", result.Reason);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        using var response = Answer(429, headers: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));
        var result = Assert.IsType<DeliveryResult.RetryResult>(await HttpDelivery.ResultAsync(response, "Svc"));
        Assert.Equal(TimeSpan.FromSeconds(30), result.After);
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_measured_from_the_injected_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        using var response = Answer(503, headers: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddMinutes(2)));
        var result = Assert.IsType<DeliveryResult.RetryResult>(await HttpDelivery.ResultAsync(response, "Svc", time: time));
        Assert.Equal(TimeSpan.FromMinutes(2), result.After);
    }

    [Fact]
    public async Task Without_retry_after_the_outbox_backoff_decides()
    {
        using var response = Answer(500);
        var result = Assert.IsType<DeliveryResult.RetryResult>(await HttpDelivery.ResultAsync(response, "Svc"));
        Assert.Null(result.After);
        Assert.Equal("Svc answered 500 InternalServerError", result.Reason);
    }

    [Fact]
    public async Task A_secret_echoed_by_the_service_is_masked_and_the_text_is_one_bounded_line()
    {
        const string key = "R0UTINGKEY0123456789abcdef012345";
        using var response = Answer(400, $"bad key {key}\r\nline two" + new string('x', 5000));
        var result = Assert.IsType<DeliveryResult.RejectedResult>(await HttpDelivery.ResultAsync(response, "Svc", secrets: [key, null]));
        Assert.DoesNotContain(key, result.Reason);
        Assert.Contains("bad key ***  line two", result.Reason);
        Assert.DoesNotContain('\n', result.Reason);
        Assert.True(result.Reason.Length < HttpDelivery.MaxErrorText + 60, result.Reason.Length.ToString());
    }

    [Fact]
    public void A_network_error_is_a_retry_that_names_no_url()
    {
        var error = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (hooks.slack.com:443) for https://hooks.slack.com/services/T0/B0/SECRET",
            new SocketException((int)SocketError.ConnectionRefused));
        var result = Assert.IsType<DeliveryResult.RetryResult>(HttpDelivery.FromException(error, "Slack", delivered: 2));
        Assert.Equal("Slack unreachable (connection failed): ConnectionRefused", result.Reason);
        Assert.Equal(2, result.DeliveredCount);
    }

    [Fact]
    public void The_per_request_timeout_is_a_retry_and_shutdown_is_rethrown()
    {
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException());
        var result = Assert.IsType<DeliveryResult.RetryResult>(HttpDelivery.FromException(timeout, "Svc"));
        Assert.Equal("Svc did not answer in time", result.Reason);

        using var stopping = new CancellationTokenSource();
        stopping.Cancel();
        Assert.Throws<TaskCanceledException>(() => HttpDelivery.FromException(timeout, "Svc", cancellationToken: stopping.Token));
    }

    [Fact]
    public void A_network_error_wrapped_by_a_client_library_is_still_a_retry()
    {
        var wrapped = new InvalidOperationException("client wrapper", new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)));
        Assert.True(HttpDelivery.IsNoAnswer(wrapped));
        Assert.False(HttpDelivery.IsNoAnswer(new InvalidOperationException("a bug")));
        var result = Assert.IsType<DeliveryResult.RetryResult>(HttpDelivery.FromException(wrapped, "Svc"));
        Assert.Equal("Svc unreachable (connection failed): ConnectionRefused", result.Reason);
    }
}
