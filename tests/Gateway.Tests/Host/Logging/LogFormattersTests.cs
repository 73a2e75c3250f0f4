// The tests log through the extension methods: what .NET logging hands Serilog is the point, not speed.
#pragma warning disable CA1848, CA1873

using System.Text.Json;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Host.Logging;

public sealed class LogFormattersTests
{
    [Fact]
    public void The_text_line_is_the_one_dotnets_simple_console_wrote()
    {
        using var captured = new CapturedLogEvents();
        var logger = captured.Logger("Gateway.Exporters.Console.ConsoleExporter");

        logger.Log(LogLevel.Warning, new EventId(7, "Alarm"), "alarm {Kind} node={Node} list={Items} none={Nothing} ratio={Ratio}\nsecond line",
            "Raised", "n1@host", new[] { "a", "b" }, null, 0.5);

        var line = Format(new ConsoleLineFormatter(), captured.Events.Single());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z warn: Gateway\.Exporters\.Console\.ConsoleExporter\[7\] alarm Raised node=n1@host list=a, b none=\(null\) ratio=0\.5 second line\n$", line);
    }

    [Theory]
    [InlineData(LogLevel.Trace, "trce")]
    [InlineData(LogLevel.Debug, "dbug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Error, "fail")]
    [InlineData(LogLevel.Critical, "crit")]
    public void Levels_keep_the_simple_console_abbreviations_and_an_exception_stays_on_the_line(LogLevel level, string shown)
    {
        using var captured = new CapturedLogEvents();

        captured.Logger("C").Log(level, default, new InvalidOperationException("boom"), "failed {What}", "x");

        var line = Format(new ConsoleLineFormatter(), captured.Events.Single());
        Assert.Contains($" {shown}: C[0] failed x System.InvalidOperationException: boom", line, StringComparison.Ordinal);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Json_is_one_object_per_line_with_the_message_and_its_properties_only()
    {
        using var captured = new CapturedLogEvents();
        var logger = captured.Logger("Gateway.Collector");

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestPath"] = "/secret-in-a-scope" }))
        {
            logger.LogInformation(new EventId(3, "Collected"), "collected {Node} in {Ms} ms, ok={Ok}", "n1@host", 42, true);
        }

        var line = Format(new JsonLineFormatter(), captured.Events.Single());
        Assert.EndsWith("}\n", line, StringComparison.Ordinal);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Information", json.GetProperty("level").GetString());
        Assert.Equal("Gateway.Collector", json.GetProperty("category").GetString());
        Assert.Equal(3, json.GetProperty("eventId").GetInt32());
        Assert.Equal("Collected", json.GetProperty("eventName").GetString());
        Assert.Equal("collected n1@host in 42 ms, ok=True", json.GetProperty("message").GetString());
        Assert.Equal(("n1@host", 42, true), (json.GetProperty("Node").GetString(), json.GetProperty("Ms").GetInt32(), json.GetProperty("Ok").GetBoolean()));
        Assert.EndsWith("Z", json.GetProperty("time").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-a-scope", line, StringComparison.Ordinal);
    }

    private static string Format(Serilog.Formatting.ITextFormatter formatter, Serilog.Events.LogEvent e)
    {
        using var writer = new StringWriter();
        formatter.Format(e, writer);
        return writer.ToString();
    }
}
