using System.Globalization;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Exporters.Snmp;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>The exporter against net-snmp's snmptrapd with GATEWAY-MIB loaded: every varbind of every notification is checked.</summary>
public sealed class SnmpTrapExporterTrapdTests : IClassFixture<TrapdFixture>
{
    private readonly TrapdFixture _fixture;

    public SnmpTrapExporterTrapdTests(TrapdFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("v2c", false)]
    [InlineData("v2c", true)]
    [InlineData("v3", false)]
    [InlineData("v3", true)]
    public async Task Alarm_lifecycle_and_node_down_arrive_with_every_varbind_decoded(string version, bool inform)
    {
        var tag = $"{version}-{(inform ? "inform" : "trap")}";
        var options = new SnmpExporterOptions { Destinations = [SnmpTestEvents.Destination(_fixture.Trapd.Address, version, inform)] };
        await using var exporter = SnmpTestEvents.Exporter(options, _fixture.Engine);
        var lifecycle = SnmpTestEvents.Lifecycle("/var/" + tag);
        var node = "down-" + tag + "@host1";
        GatewayEvent[] batch = [.. lifecycle, SnmpTestEvents.NodeDown(node, SnmpTestEvents.Raised.AddSeconds(3))];

        var result = await exporter.DeliverAsync(batch, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(4, exporter.Sent);
        var alarm = lifecycle[0].Alarm!.Alarm;
        var index = SnmpIndexes.ForAlarm(alarm.Id);
        Assert.Equal(uint.Parse(alarm.Id[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture), index);
        var lines = await AlarmLinesAsync(alarm.Id, 3);
        AssertAlarm(lines[0], "gwAlarmRaised", index, alarm, "major(4)", "10:20:30.0");
        AssertAlarm(lines[1], "gwAlarmSeverityChanged", index, alarm, "critical(3)", "10:20:31.0");
        AssertAlarm(lines[2], "gwAlarmCleared", index, alarm, "cleared(1)", "10:20:32.0");

        var nodeIndex = SnmpIndexes.ForNode(node).ToString(CultureInfo.InvariantCulture);
        var nodeLine = await _fixture.Trapd.VarBindsOfAsync($"STRING: {node}");
        Assert.StartsWith("SNMPv2-MIB::sysUpTime.0 = Timeticks: ", nodeLine[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "SNMPv2-MIB::snmpTrapOID.0 = OID: GATEWAY-MIB::gwNodeDown",
                $"GATEWAY-MIB::gwNodeName.{nodeIndex} = STRING: {node}",
                $"GATEWAY-MIB::gwNodeStatus.{nodeIndex} = INTEGER: down(2)",
                $"GATEWAY-MIB::gwNodeLastSeen.{nodeIndex} = STRING: 2026-11-26,10:20:33.0,+0:0",
            ],
            nodeLine[1..]);
    }

    private async Task<string[][]> AlarmLinesAsync(string alarmId, int count)
    {
        string[] lines = [];
        await Poll.UntilAsync(
            () => (lines = [.. _fixture.Trapd.Lines().Where(l => l.StartsWith("TRAP|", StringComparison.Ordinal) && l.Contains($"STRING: {alarmId}\t", StringComparison.Ordinal))]).Length >= count,
            $"{count} notifications of alarm {alarmId} in the snmptrapd log");
        Assert.Equal(count, lines.Length);
        return [.. lines.Select(l => l.Split('|', 3)[2].Split('\t'))];
    }

    private static void AssertAlarm(string[] varBinds, string notification, uint index, Alarm alarm, string severity, string time)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        Assert.StartsWith("SNMPv2-MIB::sysUpTime.0 = Timeticks: ", varBinds[0], StringComparison.Ordinal);
        Assert.Equal($"SNMPv2-MIB::snmpTrapOID.0 = OID: GATEWAY-MIB::{notification}", varBinds[1]);
        Assert.Equal(
            [
                $"GATEWAY-MIB::gwAlarmId.{i} = STRING: {alarm.Id}",
                $"GATEWAY-MIB::gwAlarmNode.{i} = STRING: n1@host1",
                $"GATEWAY-MIB::gwAlarmType.{i} = STRING: disk_full",
                $"GATEWAY-MIB::gwAlarmResource.{i} = STRING: {alarm.Resource}",
                $"GATEWAY-MIB::gwAlarmSeverity.{i} = INTEGER: {severity}",
                $"GATEWAY-MIB::gwAlarmDescription.{i} = STRING: disk usage above threshold",
                $"GATEWAY-MIB::gwAlarmTime.{i} = STRING: 2026-11-26,{time},+0:0",
                $"GATEWAY-MIB::gwAlarmValue.{i} = STRING: 93.5",
                $"GATEWAY-MIB::gwAlarmThreshold.{i} = STRING: 90",
            ],
            varBinds[2..]);
    }
}
