using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Exporters.Snmp;
using Gateway.Snmp.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>The agent glue with a real AlarmManager and MetricStore, read by net-snmp's snmpbulkwalk/snmpwalk.</summary>
public sealed class SnmpAgentServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 20, 30, TimeSpan.Zero);
    private static readonly NodeKey Node = new("beam", "n1@host1");
    private readonly SnmpTestDirectory _dir = new();
    private readonly FakeTimeProvider _alarmTime = new(Now);

    public void Dispose() => _dir.Dispose();

    private static string[] V2c(int port) => [.. TestMibs.NetSnmpArgs, "-v", "2c", "-c", "public", $"udp:127.0.0.1:{port}", "GATEWAY-MIB::gatewayMIB"];

    private static string[] V3(int port) =>
        [.. TestMibs.NetSnmpArgs, "-v", "3", "-u", "gwuser", "-l", "authPriv", "-a", "SHA-256", "-A", "authpass123", "-x", "AES", "-X", "privpass123",
         $"udp:127.0.0.1:{port}", "GATEWAY-MIB::gatewayMIB"];

    private static string[] Expected((string Id, string Resource, string Severity)[] alarms, string nodeStatus, string lastSeen)
    {
        var rows = alarms.Select(a => (Index: SnmpIndexes.ForAlarm(a.Id), a.Id, a.Resource, a.Severity)).OrderBy(a => a.Index).ToArray();
        string I(uint index) => index.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>();
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmId.{I(a.Index)} = STRING: {a.Id}"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmNode.{I(a.Index)} = STRING: n1@host1"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmType.{I(a.Index)} = STRING: disk_full"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmResource.{I(a.Index)} = STRING: {a.Resource}"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmSeverity.{I(a.Index)} = INTEGER: {a.Severity}"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmDescription.{I(a.Index)} = STRING: disk {a.Resource} full"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmTime.{I(a.Index)} = STRING: 2026-11-26,10:20:30.0,+0:0"));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmValue.{I(a.Index)} = STRING: "));
        lines.AddRange(rows.Select(a => $"GATEWAY-MIB::gwAlarmThreshold.{I(a.Index)} = STRING: "));
        var node = I(SnmpIndexes.ForNode("n1@host1"));
        lines.Add($"GATEWAY-MIB::gwNodeName.{node} = STRING: n1@host1");
        lines.Add($"GATEWAY-MIB::gwNodeStatus.{node} = INTEGER: {nodeStatus}");
        lines.Add($"GATEWAY-MIB::gwNodeLastSeen.{node} = STRING: {lastSeen}");
        lines.Add($"GATEWAY-MIB::gwActiveAlarms.0 = Gauge32: {alarms.Length.ToString(CultureInfo.InvariantCulture)}");
        return [.. lines];
    }

    [Fact]
    public async Task Walks_over_v2c_and_v3_show_the_active_alarms_and_the_nodes_and_follow_their_changes()
    {
        using var alarms = new AlarmManager(AlarmManager.PathFor(_dir.Path), new DiscardingRouter(), new AlarmsOptions { MinHold = TimeSpan.Zero }, _alarmTime, NullLogger<AlarmManager>.Instance);
        var store = new MetricStore();
        store.Update(
            new NodeSnapshot(Node, Now.AddSeconds(-5), [], LabelSet.Empty),
            new NodeStatus(Node, "beam", true, Now.AddSeconds(-5), TimeSpan.FromMilliseconds(3), 0, null, null, new Dictionary<string, string>()));
        var varId = await alarms.RaiseExternalAsync("n1@host1", "disk_full", "/var", Severity.Major, "disk /var full");
        var dataId = await alarms.RaiseExternalAsync("n1@host1", "disk_full", "/data", Severity.Critical, "disk /data full");
        var options = new SnmpExporterOptions
        {
            Agent = new SnmpAgentEndpointOptions
            {
                Listen = "127.0.0.1:0",
                Community = "public",
                Users = [new SnmpUserOptions { Name = "gwuser", Auth = new() { Protocol = "SHA256", Passphrase = "authpass123" }, Priv = new() { Protocol = "AES128", Passphrase = "privpass123" } }],
                RefreshInterval = TimeSpan.FromMilliseconds(50),
            },
        };
        Assert.True(new SnmpExporterOptionsValidator().Validate(null, options).Succeeded);
        var runtime = new SnmpRuntime(options, new SnmpEngine(SnmpEngineId.FromText(SnmpEngineId.PlaceholderEnterprise, "gw-agent-test"), 1));
        await using var service = new SnmpAgentService(runtime, options.Agent, alarms, store, TimeProvider.System, NullLogger<SnmpAgentService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var port = service.LocalEndPoint!.Port;

        var both = Expected([(varId, "/var", "major(4)"), (dataId, "/data", "critical(3)")], "up(1)", "2026-11-26,10:20:25.0,+0:0");
        var bulk = await SnmpTool.RunAsync(NetSnmpTools.SnmpBulkWalk, V2c(port));
        Assert.True(bulk.ExitCode == 0, bulk.StdErr);
        Assert.Equal(both, bulk.Lines);
        var v3 = await SnmpTool.RunAsync(NetSnmpTools.SnmpWalk, V3(port));
        Assert.True(v3.ExitCode == 0, v3.StdErr);
        Assert.Equal(both, v3.Lines);

        Assert.True(await alarms.ClearExternalAsync(varId));
        store.MarkFailed(new NodeStatus(Node, "beam", false, Now, TimeSpan.FromSeconds(5), 0, "timeout", "timeout", new Dictionary<string, string>()));

        var one = Expected([(dataId, "/data", "critical(3)")], "down(2)", "2026-11-26,10:20:25.0,+0:0");
        var after = await Poll.UntilAsync(() => SnmpTool.RunAsync(NetSnmpTools.SnmpBulkWalk, V2c(port)), r => r.Lines.SequenceEqual(one), "the walk without the cleared alarm");
        Assert.Equal(one, after.Lines);
        var afterV3 = await SnmpTool.RunAsync(NetSnmpTools.SnmpBulkWalk, V3(port));
        Assert.Equal(one, afterV3.Lines);
        Assert.Equal(0, service.Agent!.Counters.SnmpInBadCommunityNames);
    }
}
