using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using MimeKit;

namespace Gateway.IntegrationTests.Saas.Email;

/// <summary>The e-mail exporter in the real gateway process, against a real SMTP server (aiosmtpd).</summary>
public sealed class EmailEndToEndTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string Password = "smtp-Passw0rd-e2e";
    private const string Raise = """{"action":"raise","node":"rabbit@db1","type":"memory_high","resource":"total","severity":"critical","description":"memory use above 90 %"}""";

    private static string Config(SmtpReceiver smtp, string extra = "") => $"""
        exporters:
          console: {"{"}{"}"}
          email:
            smtp: {smtp.Address}
            tls: none
            username: gateway
            password: ${"{"}GW_TEST_SMTP_PASSWORD{"}"}
            from: Gateway <gateway@example.org>
            to: [ ops@example.org ]
            subjectPrefix: "[it]"
            timeout: 5s
        {extra}
        """;

    private static Task<GatewayProcess> StartAsync(string config, string password, string? workDir = null) =>
        GatewayProcess.StartAsync(config, workDir, environment: new Dictionary<string, string?>
        {
            ["GATEWAY__GATEWAY__APITOKEN"] = Token,
            ["GW_TEST_SMTP_PASSWORD"] = password,
        });

    [Fact]
    public async Task A_wrong_password_fails_without_showing_it_then_the_right_one_delivers_raise_and_clear_threaded()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);
        var dir = Directory.CreateTempSubdirectory("gateway-email-").FullName;
        string id;
        var wrong = "wrong-" + Password;
        await using (var gateway = await StartAsync(Config(smtp), wrong, dir))
        {
            id = await PostForIdAsync(gateway, Raise);
            await Poll.UntilAsync(async () => (await UpAsync(gateway)) == "0", TimeSpan.FromSeconds(60), "gateway_exporter_up{exporter=\"email\"} 0", () => gateway.Output);
            var view = await EmailViewAsync(gateway);
            Assert.Equal("failing", view.GetProperty("state").GetString());
            Assert.Equal(1, view.GetProperty("outboxDepth").GetInt64());
            Assert.Contains("535", view.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            var api = await gateway.Http.GetStringAsync("/api/v1/exporters");
            Assert.DoesNotContain(Password, api, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, gateway.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, await gateway.MetricsAsync(), StringComparison.Ordinal);
            Assert.Empty(smtp.Messages());
        }

        await using (var gateway = await StartAsync(Config(smtp), Password, dir))
        {
            var raised = Assert.Single(await smtp.WaitForMessagesAsync(1));
            Assert.Equal("[it] [CRITICAL] raised: memory_high on rabbit@db1 (total)", raised.Subject);
            Assert.Contains($"http://127.0.0.1:{gateway.Port}/api/v1/alarms/{id}", raised.TextBody, StringComparison.Ordinal);
            using (var link = await gateway.Http.GetAsync($"/api/v1/alarms/{id}"))
            {
                Assert.Equal(HttpStatusCode.OK, link.StatusCode);
            }

            await PostForIdAsync(gateway, Raise.Replace("\"raise\"", "\"clear\"", StringComparison.Ordinal));
            var mails = await smtp.WaitForMessagesAsync(2);
            Assert.Equal("[it] [CLEARED] cleared: memory_high on rabbit@db1 (total)", mails[1].Subject);
            Assert.All(mails, m => Assert.Equal($"alarm.{id}.gateway@example.org", m.InReplyTo));
            Assert.All(mails, m => Assert.Equal("gateway@example.org", m.From.Mailboxes.Single().Address));
            Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());
            Assert.Contains("ok gateway", smtp.AuthLog());
            await Poll.UntilAsync(async () => (await UpAsync(gateway)) == "1", TimeSpan.FromSeconds(60), "gateway_exporter_up{exporter=\"email\"} 1", () => gateway.Output);
            var view = await EmailViewAsync(gateway);
            Assert.Equal("up", view.GetProperty("state").GetString());
            Assert.Equal(0, view.GetProperty("outboxDepth").GetInt64());
            Assert.DoesNotContain(Password, gateway.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, await gateway.Http.GetStringAsync("/api/v1/exporters"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_digest_lists_every_event_once_in_digest_mails()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);
        await using var gateway = await StartAsync(Config(smtp, "    digest: 3s\n"), Password);

        var first = await PostForIdAsync(gateway, Raise);
        await PostForIdAsync(gateway, Raise.Replace("rabbit@db1", "rabbit@db2", StringComparison.Ordinal));
        await PostForIdAsync(gateway, Raise.Replace("\"raise\"", "\"clear\"", StringComparison.Ordinal));

        // Three events; on a busy machine they may straddle two windows, never more mails than events.
        IReadOnlyList<MimeMessage> mails = [];
        await Poll.UntilAsync(
            () =>
            {
                mails = smtp.Messages();
                return Task.FromResult(mails.Sum(m => int.Parse(m.Headers["X-Gateway-Digest-Events"] ?? "0", CultureInfo.InvariantCulture)) >= 3);
            },
            TimeSpan.FromSeconds(90),
            "digest mails listing three events",
            () => gateway.Output);
        Assert.InRange(mails.Count, 1, 3);
        Assert.All(mails, m => Assert.Matches(@"^\[it\] \[(CRITICAL|DIGEST)\] digest: \d events? \(", m.Subject));
        var text = string.Join("\n", mails.Select(m => m.TextBody));
        Assert.Equal(2, CountOf(text, "raised: memory_high on rabbit@db"));
        Assert.Equal(1, CountOf(text, "[CLEARED] cleared: memory_high on rabbit@db1 (total)"));
        Assert.Contains($"/api/v1/alarms/{first}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_config_reports_bad_email_keys_with_their_paths_and_never_the_password()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-email-check-").FullName;
        var path = Path.Combine(dir, "gateway.yaml");
        await File.WriteAllTextAsync(path, $"""
            exporters:
              email:
                smtp: "smtp example"
                tls: ssl
                password: {Password}
                from: gateway@example.org
                to: [ ops@example.org, x ]
                digest: 2d
            """);

        await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll, "check-config", path]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        foreach (var line in new[]
                 {
                     "exporters.email.smtp: \"smtp example\" is not host:port",
                     "exporters.email.tls: \"ssl\" is not one of none, starttls, tls",
                     "exporters.email.username: must be set when password is",
                     "exporters.email.to[1]: \"x\" is not an e-mail address",
                     "exporters.email.digest: must be between 1s and 1d",
                 })
        {
            Assert.Contains(line, process.Output, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Password, process.Output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static async Task<string?> UpAsync(GatewayProcess gateway) =>
        (await gateway.MetricsAsync()).Split('\n')
            .FirstOrDefault(l => l.StartsWith("gateway_exporter_up{", StringComparison.Ordinal) && l.Contains("exporter=\"email\"", StringComparison.Ordinal))
            ?.Split(' ')[^1];

    private static async Task<JsonElement> EmailViewAsync(GatewayProcess gateway)
    {
        var exporters = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/exporters");
        return exporters!.Single(e => e.GetProperty("name").GetString() == "email");
    }

    private static async Task<string> PostForIdAsync(GatewayProcess gateway, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
