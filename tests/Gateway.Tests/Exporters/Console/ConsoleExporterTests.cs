using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Exporters.Console;
using Gateway.Core.Routing;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Exporters.Console;

public sealed class ConsoleExporterTests
{
    private readonly CapturingLogger<ConsoleExporter> _logger = new();

    [Fact]
    public async Task Each_event_is_one_log_line_with_kind_severity_node_type_resource_id_and_description()
    {
        var exporter = new ConsoleExporter(new ConsoleExporterOptions(), _logger);

        var result = await exporter.DeliverAsync([TestEvents.Alarm(), TestEvents.Notification("gen_server crashed"), TestEvents.NodeDown()], CancellationToken.None);

        Assert.Same(DeliveryResult.Delivered, result);
        Assert.Equal(
            [
                (LogLevel.Error, "alarm Raised Major node=n1@host type=disk_full resource=/var id=0123456789abcdef: disk is full "),
                (LogLevel.Error, "notification error node=n1@host source=logger: gen_server crashed"),
                (LogLevel.Warning, "node down node=n1@host timeout"),
            ],
            _logger.Lines);
    }

    [Fact]
    public async Task Operator_events_carry_their_comment_at_information_level()
    {
        var exporter = new ConsoleExporter(new ConsoleExporterOptions(), _logger);
        var alarm = TestEvents.Alarm().Alarm!;
        var ack = GatewayEvent.From(alarm with { Kind = AlarmEventKind.Acknowledged, Comment = "on it" });

        await exporter.DeliverAsync([ack], CancellationToken.None);

        var (level, message) = Assert.Single(_logger.Lines);
        Assert.Equal(LogLevel.Information, level);
        Assert.EndsWith("disk is full on it", message, StringComparison.Ordinal);
        Assert.StartsWith("alarm Acknowledged Major", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_choose_what_is_accepted()
    {
        var exporter = new ConsoleExporter(new ConsoleExporterOptions { Notifications = false, NodeEvents = false }, _logger);

        Assert.Equal("console", exporter.Name);
        Assert.True(exporter.Accepts(TestEvents.Alarm()));
        Assert.False(exporter.Accepts(TestEvents.Notification()));
        Assert.False(exporter.Accepts(TestEvents.NodeDown()));
        Assert.True(new ConsoleExporter(new ConsoleExporterOptions(), _logger).Accepts(TestEvents.Notification()));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public void The_exporter_is_on_unless_disabled(string? enabled, int registrations)
    {
        var values = new Dictionary<string, string?>();
        if (enabled is not null)
        {
            values["exporters:console:enabled"] = enabled;
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();

        services.AddConsoleExporter(config.GetSection("exporters:console"));

        Assert.Equal(registrations, services.Count(d => d.ServiceType == typeof(EventExporterRegistration)));
    }
}
