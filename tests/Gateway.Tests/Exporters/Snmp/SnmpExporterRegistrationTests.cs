using Gateway.Core.Telemetry;
using Gateway.Core.Routing;
using Gateway.Exporters.Snmp;
using Gateway.Snmp.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Exporters.Snmp;

public sealed class SnmpExporterRegistrationTests : IDisposable
{
    private readonly SnmpTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddSnmpExporter(config.GetSection("exporters:snmp"), _ => _dir.Path)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task A_missing_section_registers_nothing()
    {
        await using var provider = Build(new() { ["exporters:console:alarms"] = "true" });

        Assert.Null(provider.GetService<SnmpRuntime>());
        Assert.Empty(provider.GetServices<EventExporterRegistration>());
        Assert.Empty(provider.GetRequiredService<ExporterPipelines>().All);
    }

    [Fact]
    public async Task Each_destination_gets_its_own_outbox_named_after_its_address_and_the_engine_id_is_persisted()
    {
        await using var provider = Build(new()
        {
            ["exporters:snmp:destinations:0:address"] = "127.0.0.1:162",
            ["exporters:snmp:destinations:0:version"] = "v2c",
            ["exporters:snmp:destinations:1:address"] = "nms.example",
            ["exporters:snmp:destinations:1:version"] = "v3",
            ["exporters:snmp:destinations:1:inform"] = "true",
            ["exporters:snmp:destinations:1:user"] = "gateway",
            ["exporters:snmp:destinations:1:auth:protocol"] = "SHA256",
            ["exporters:snmp:destinations:1:auth:passphrase"] = "authpass123",
            ["exporters:snmp:destinations:1:priv:protocol"] = "AES128",
            ["exporters:snmp:destinations:1:priv:passphrase"] = "privpass123",
            ["exporters:snmp:destinations:2:address"] = "127.0.0.1:162",
            ["exporters:snmp:destinations:2:trapRateLimit:burst"] = "7",
            ["exporters:snmp:engineId"] = "0x8001869F04676174657761792D31",
        });

        var pipelines = provider.GetRequiredService<ExporterPipelines>().All;

        Assert.Equal(["snmp-127.0.0.1-162", "snmp-nms.example-162", "snmp-127.0.0.1-162-2"], pipelines.Select(p => p.Exporter.Name));
        Assert.All(pipelines, p => Assert.IsType<SnmpTrapExporter>(p.Exporter));
        var v3 = ((SnmpTrapExporter)pipelines[1].Exporter).Destination;
        Assert.True(v3.Inform);
        Assert.Equal("gateway", v3.User!.UserName);
        Assert.Equal(7, ((SnmpTrapExporter)pipelines[2].Exporter).Destination.Burst);
        var engine = provider.GetRequiredService<SnmpRuntime>().Engine;
        Assert.Equal("0x8001869F04676174657761792D31", SnmpEngineId.ToHex(engine.EngineId));
        Assert.Equal(1, engine.Boots);
        Assert.Contains("engineId=0x8001869F04676174657761792D31", await File.ReadAllTextAsync(Path.Combine(_dir.Path, EngineIdStore.FileName)));
    }

    [Fact]
    public async Task Min_severity_and_events_are_the_kits_common_filters_on_every_destination()
    {
        await using var provider = Build(new()
        {
            ["exporters:snmp:minSeverity"] = "major",
            ["exporters:snmp:events:0"] = "alarms",
            ["exporters:snmp:destinations:0:address"] = "127.0.0.1:162",
            ["exporters:snmp:destinations:1:address"] = "127.0.0.1:1162",
        });
        var major = SnmpTestEvents.AlarmEvent(Gateway.Core.Events.AlarmEventKind.Raised, SnmpTestEvents.Alarm("/major"), Gateway.Core.Events.Severity.Cleared, SnmpTestEvents.Raised);
        var minor = SnmpTestEvents.AlarmEvent(Gateway.Core.Events.AlarmEventKind.Raised, SnmpTestEvents.Alarm("/minor", Gateway.Core.Events.Severity.Minor), Gateway.Core.Events.Severity.Cleared, SnmpTestEvents.Raised);
        var clearOfMajor = SnmpTestEvents.Lifecycle("/lifecycle")[2];
        var nodeDown = SnmpTestEvents.NodeDown("n1@host1", SnmpTestEvents.Raised);

        var pipelines = provider.GetRequiredService<ExporterPipelines>().All;

        Assert.Equal(2, pipelines.Count);
        Assert.All(pipelines, p => Assert.Equal([true, false, true, false], new[] { major, minor, clearOfMajor, nodeDown }.Select(p.Accepts)));
    }

    [Fact]
    public async Task Enabled_false_registers_nothing()
    {
        await using var provider = Build(new()
        {
            ["exporters:snmp:enabled"] = "false",
            ["exporters:snmp:destinations:0:address"] = "127.0.0.1:162",
            ["exporters:snmp:agent:listen"] = "127.0.0.1:0",
            ["exporters:snmp:agent:community"] = "public",
        });

        Assert.Null(provider.GetService<SnmpRuntime>());
        Assert.Null(provider.GetService<SnmpAgentService>());
        Assert.Empty(provider.GetRequiredService<ExporterPipelines>().All);
    }

    [Fact]
    public async Task Without_a_configured_engine_id_one_is_generated_once_and_boots_count_up()
    {
        var values = new Dictionary<string, string?> { ["exporters:snmp:destinations:0:address"] = "127.0.0.1:162" };
        byte[] first;
        await using (var provider = Build(values))
        {
            var engine = provider.GetRequiredService<SnmpRuntime>().Engine;
            first = engine.EngineId;
            Assert.Equal(1, engine.Boots);
        }
        await using (var provider = Build(values))
        {
            var engine = provider.GetRequiredService<SnmpRuntime>().Engine;
            Assert.Equal(first, engine.EngineId);
            Assert.Equal(2, engine.Boots);
        }
    }

    [Fact]
    public async Task Invalid_options_fail_with_their_yaml_paths_and_no_secret()
    {
        await using var provider = Build(new()
        {
            ["exporters:snmp:destinations:0:address"] = "127.0.0.1:162",
            ["exporters:snmp:destinations:0:version"] = "v3",
            ["exporters:snmp:destinations:0:user"] = "gateway",
            ["exporters:snmp:destinations:0:auth:protocol"] = "SHA999",
            ["exporters:snmp:destinations:0:auth:passphrase"] = "short",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SnmpExporterOptions>>().Value);

        Assert.Contains("exporters.snmp.destinations[0].auth.protocol: \"SHA999\" is not one of MD5, SHA, SHA224, SHA256, SHA384, SHA512", error.Failures);
        Assert.Contains("exporters.snmp.destinations[0].auth.passphrase: must be at least 8 characters (RFC 3414)", error.Failures);
        Assert.DoesNotContain("short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_real_outbox_an_unanswered_inform_stays_queued_and_is_delivered_when_snmptrapd_starts()
    {
        var port = FreeUdpPort.Next();
        await using var provider = Build(new()
        {
            ["outbox:initialBackoff"] = "00:00:00.05",
            ["outbox:maxBackoff"] = "00:00:00.2",
            ["outbox:jitter"] = "0",
            ["outbox:breakerFailures"] = "1000",
            ["exporters:snmp:destinations:0:address"] = $"127.0.0.1:{port}",
            ["exporters:snmp:destinations:0:inform"] = "true",
            ["exporters:snmp:destinations:0:timeout"] = "200ms",
            ["exporters:snmp:destinations:0:retries"] = "0",
        });
        var pipeline = Assert.Single(provider.GetRequiredService<ExporterPipelines>().All);
        var router = provider.GetRequiredService<IEventRouter>();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        try
        {
            var e = SnmpTestEvents.Lifecycle("/outbox")[0];
            await router.RouteAsync([e]);

            await Poll.UntilAsync(() => pipeline.Statistics.Retries >= 2, "the outbox retrying the unanswered inform");
            Assert.Equal(0, pipeline.Statistics.Delivered);
            Assert.Equal(1, pipeline.Statistics.Depth);
            using var trapd = await SnmpTrapd.StartAsync("disableAuthorization yes\n", port);
            await Poll.UntilAsync(() => pipeline.Statistics.Delivered == 1, "delivery once snmptrapd listens");
            await trapd.VarBindsOfAsync(e.Alarm!.Alarm.Id);
            Assert.Equal(0, pipeline.Statistics.DeadLettered);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task An_agent_section_runs_the_agent_as_a_hosted_service()
    {
        await using var provider = Build(new()
        {
            ["exporters:snmp:agent:listen"] = "127.0.0.1:0",
            ["exporters:snmp:agent:community"] = "public",
        });
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        try
        {
            var agent = provider.GetRequiredService<SnmpAgentService>();
            Assert.Contains(agent, hosted);
            Assert.Empty(provider.GetRequiredService<ExporterPipelines>().All);

            var walk = await SnmpTool.RunAsync(NetSnmpTools.SnmpWalk, [.. TestMibs.NetSnmpArgs, "-v", "2c", "-c", "public", $"udp:127.0.0.1:{agent.LocalEndPoint!.Port}", "GATEWAY-MIB::gatewayMIB"]);

            Assert.True(walk.ExitCode == 0, walk.StdErr);
            Assert.Equal(["GATEWAY-MIB::gwActiveAlarms.0 = Gauge32: 0"], walk.Lines);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task The_agent_counters_are_in_the_self_metrics_with_drops_by_reason()
    {
        await using var provider = Build(new()
        {
            ["exporters:snmp:agent:listen"] = "127.0.0.1:0",
            ["exporters:snmp:agent:community"] = "public",
        });
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        try
        {
            var agent = provider.GetRequiredService<SnmpAgentService>();
            var port = agent.LocalEndPoint!.Port;
            await SnmpTool.RunAsync(NetSnmpTools.SnmpWalk, [.. TestMibs.NetSnmpArgs, "-v", "2c", "-c", "public", $"udp:127.0.0.1:{port}", "GATEWAY-MIB::gatewayMIB"]);
            await SnmpTool.RunAsync(NetSnmpTools.SnmpWalk, [.. TestMibs.NetSnmpArgs, "-v", "2c", "-c", "wrong", "-t", "1", "-r", "0", $"udp:127.0.0.1:{port}", "GATEWAY-MIB::gatewayMIB"]);

            using var stream = new MemoryStream();
            await provider.GetRequiredService<SelfMetrics>().WriteAsync(stream, openMetrics: false);
            var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n');

            Assert.Contains(lines, l => l.StartsWith("gateway_snmp_agent_dropped_total{reason=\"bad_community\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("gateway_snmp_agent_dropped_total{reason=\"wrong_digest\"", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("gateway_snmp_agent_packets_total{direction=\"out\"", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }
}
