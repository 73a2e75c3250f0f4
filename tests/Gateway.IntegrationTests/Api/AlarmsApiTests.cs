using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Api;

/// <summary>External alarms and notifications through the HTTP API of the real gateway process.</summary>
public sealed class AlarmsApiTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string RaiseBody = """{"action":"raise","node":"n1@host","type":"disk_full","resource":"/var","severity":"major","description":"disk /var is 97% full"}""";

    private static Task<GatewayProcess> StartAsync(string? workDir = null, string? token = Token) =>
        GatewayProcess.StartAsync("exporters:\n  console: {}\n", workDir, environment: new Dictionary<string, string?>
        {
            ["GATEWAY__GATEWAY__APITOKEN"] = token,
        });

    [Fact]
    public async Task The_documented_raise_and_clear_bodies_work_as_is()
    {
        await using var gateway = await StartAsync();

        using var raised = await PostAsync(gateway, "/api/v1/alarms", RaiseBody);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));

        var active = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms?node=n1@host");
        var alarm = Assert.Single(active!);
        Assert.Equal(id, alarm.GetProperty("id").GetString());
        Assert.Equal("major", alarm.GetProperty("severity").GetString());
        Assert.Equal("/var", alarm.GetProperty("resource").GetString());
        Assert.Contains("gateway_alarms_active{", await gateway.MetricsAsync(), StringComparison.Ordinal);
        Assert.Contains(MetricLines(await gateway.MetricsAsync()), l => l.StartsWith("gateway_alarms_active{", StringComparison.Ordinal) && l.Contains("severity=\"major\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));

        // Raising the same identity again is the same alarm, not a second one.
        using var again = await PostAsync(gateway, "/api/v1/alarms", RaiseBody);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        using var cleared = await PostAsync(gateway, "/api/v1/alarms", RaiseBody.Replace("\"raise\"", "\"clear\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty((await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms"))!);

        var history = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms/history");
        Assert.Equal(["raised", "cleared"], history!.Where(e => e.GetProperty("alarm").GetProperty("id").GetString() == id).Select(e => e.GetProperty("event").GetString()));
        await Poll.UntilAsync(() => Task.FromResult(gateway.Output.Contains(id!, StringComparison.Ordinal)), TimeSpan.FromSeconds(60),
            "the console exporter to log the alarm", () => gateway.Output);
    }

    [Fact]
    public async Task Clear_by_id_ack_and_comment()
    {
        await using var gateway = await StartAsync();
        using var raised = await PostAsync(gateway, "/api/v1/alarms", RaiseBody);
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var ack = await PostAsync(gateway, $"/api/v1/alarms/{id}/ack", """{"comment":"looking"}""");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True((await gateway.Http.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{id}")).GetProperty("acknowledged").GetBoolean());
        using var comment = await PostAsync(gateway, $"/api/v1/alarms/{id}/comment", """{"comment":"disk ordered"}""");
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);

        using var clear = await PostAsync(gateway, "/api/v1/alarms", $$"""{"action":"clear","id":"{{id}}"}""");
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        using var gone = await PostAsync(gateway, "/api/v1/alarms", $$"""{"action":"clear","id":"{{id}}"}""");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("[1,2]", HttpStatusCode.BadRequest, "JSON object")]
    [InlineData("""{"action":"raise","node":"n1@host","type":"t","severity":"hot"}""", HttpStatusCode.BadRequest, "severity")]
    [InlineData("""{"action":"raise","type":"t","severity":"major"}""", HttpStatusCode.BadRequest, "required")]
    [InlineData("""{"action":"explode","node":"n","type":"t"}""", HttpStatusCode.BadRequest, "not raise or clear")]
    [InlineData("""{"action":"raise","node":5,"type":"t","severity":"major"}""", HttpStatusCode.BadRequest, "must be a string")]
    [InlineData("", HttpStatusCode.BadRequest, "empty")]
    public async Task Malformed_requests_get_a_clear_4xx_and_change_nothing(string body, HttpStatusCode status, string message)
    {
        await using var gateway = await StartAsync();
        using var response = await PostAsync(gateway, "/api/v1/alarms", body);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty((await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms"))!);
    }

    [Fact]
    public async Task Bad_bytes_and_bad_query_values_get_a_json_400_and_change_nothing()
    {
        await using var gateway = await StartAsync();
        using (var raised = await PostAsync(gateway, "/api/v1/alarms", RaiseBody))
        {
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        }
        var id = (await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms"))!.Single().GetProperty("id").GetString();
        var raise = Encoding.UTF8.GetBytes("""{"action":"raise","node":"n1@host","type":"t","severity":"major","description":"X"}""");
        byte[] With(byte[] body, byte[] bad)
        {
            var i = Array.IndexOf(body, (byte)'X');
            return [.. body[..i], .. bad, .. body[(i + 1)..]];
        }
        var bodies = new (string Path, byte[] Body)[]
        {
            ("/api/v1/alarms", With(raise, [0xff, 0xfe])),
            ("/api/v1/alarms", With(raise, [0xc0, 0xaf])),
            ("/api/v1/alarms", With(raise, Encoding.ASCII.GetBytes("\\ud800"))),
            ("/api/v1/notifications", Encoding.UTF8.GetBytes("""{"node":"n1@host","level":"error","message":"m","metadata":{"k\udc00":"v"}}""")),
            ("/api/v1/notifications", [.. Encoding.UTF8.GetBytes("{\"node\":\"n1@host\",\"level\":\"error\",\"message\":\"m\",\"metadata\":{\""), 0xff, .. Encoding.UTF8.GetBytes("\":\"v\"}}")]),
            ($"/api/v1/alarms/{id}/comment", [.. Encoding.UTF8.GetBytes("{\"comment\":\""), 0xed, 0xa0, 0x80, .. Encoding.UTF8.GetBytes("\"}")]),
        };
        foreach (var (path, body) in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var response = await gateway.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.False(string.IsNullOrEmpty(error), path);
        }
        foreach (var query in new[] { "/api/v1/alarms/history?limit=abc", "/api/v1/alarms/history?limit=0", "/api/v1/alarms/history?limit=99999999999" })
        {
            using var response = await gateway.Http.GetAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("limit must be", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        var alarm = (await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms"))!.Single();
        Assert.Equal("disk /var is 97% full", alarm.GetProperty("description").GetString());
        Assert.Single((await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms/history"))!);
    }

    [Fact]
    public async Task Unauthorised_oversized_and_disabled_writes_are_refused()
    {
        await using (var gateway = await StartAsync())
        {
            using var none = await PostAsync(gateway, "/api/v1/alarms", RaiseBody, token: null);
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            using var wrong = await PostAsync(gateway, "/api/v1/alarms", RaiseBody, token: "wrong-token-wrong-token");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            using var notification = await PostAsync(gateway, "/api/v1/notifications", """{"node":"n1@host","level":"error","message":"x"}""", token: null);
            Assert.Equal(HttpStatusCode.Unauthorized, notification.StatusCode);
            using var huge = await PostAsync(gateway, "/api/v1/alarms", "{\"action\":\"raise\",\"description\":\"" + new string('x', 200_000) + "\"}");
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Empty((await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms"))!);
            Assert.DoesNotContain(Token, gateway.Output, StringComparison.Ordinal);
        }

        await using var closed = await StartAsync(token: null);
        using var refused = await PostAsync(closed, "/api/v1/alarms", RaiseBody);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Notifications_are_accepted_and_reach_the_console_exporter()
    {
        await using var gateway = await StartAsync();
        using var response = await PostAsync(gateway, "/api/v1/notifications",
            """{"node":"n1@host","level":"error","message":"payment service timed out","metadata":{"pid":"<0.42.0>","attempt":3}}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Poll.UntilAsync(() => Task.FromResult(gateway.Output.Contains("payment service timed out", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the notification in the console log", () => gateway.Output);

        using var bad = await PostAsync(gateway, "/api/v1/notifications", """{"node":"n1@host","level":"loud","message":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Active_alarms_survive_kill_9_and_are_not_raised_twice()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-kill-").FullName;
        string? id;
        await using (var first = await StartAsync(dir))
        {
            using var raised = await PostAsync(first, "/api/v1/alarms", RaiseBody);
            id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            first.Kill();
        }

        await using var second = await StartAsync(dir);
        var active = await second.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms");
        Assert.Equal(id, Assert.Single(active!).GetProperty("id").GetString());
        using var again = await PostAsync(second, "/api/v1/alarms", RaiseBody);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var history = await second.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms/history");
        Assert.Single(history!, e => e.GetProperty("event").GetString() == "raised");
    }

    private static string[] MetricLines(string exposition) => exposition.Split('\n');

    private static async Task<HttpResponseMessage> PostAsync(GatewayProcess gateway, string path, string body, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await gateway.Http.SendAsync(request);
    }
}
