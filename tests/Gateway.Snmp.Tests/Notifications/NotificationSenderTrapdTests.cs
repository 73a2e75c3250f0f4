using System.Globalization;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Tests.Notifications;

/// <summary>Our sender against net-snmp's snmptrapd with GATEWAY-MIB loaded: every varbind is checked in its log.</summary>
/// <remarks>
/// snmptrapd answers an inform (or reports a wrong digest) in well under a millisecond, so every
/// inform here gets a 30 s timeout: a busy machine cannot turn an answer into "no response" and a
/// retry (which would change <c>Attempts</c>, or the reported error). Nothing waits for it unless the
/// answer really never comes.
/// </remarks>
public sealed class NotificationSenderTrapdTests : IClassFixture<TrapdFixture>
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private readonly TrapdFixture _fixture;
    private readonly GatewayNotifications _notifications = new();

    public NotificationSenderTrapdTests(TrapdFixture fixture)
    {
        _fixture = fixture;
    }

    private static GatewayAlarmInfo Alarm(uint index, string id) => new(
        index,
        id,
        "n1@host1",
        "disk_full",
        "/var",
        GwSeverity.Major,
        "disk usage above threshold",
        new DateTimeOffset(2026, 11, 26, 10, 20, 30, TimeSpan.Zero),
        "93.5",
        "90");

    private NotificationSender Sender(SnmpVersion version, bool inform, UsmUser? user = null) => new(
        new NotificationTarget
        {
            EndPoint = _fixture.Trapd.EndPoint,
            Version = version,
            Inform = inform,
            Community = "public",
            User = user,
            Timeout = AnswerTimeout,
            Retries = 1,
        },
        _fixture.Engine);

    private static UsmUser User(string authPass = "authpass123") => new("gwuser", AuthProtocol.Sha256, authPass, PrivProtocol.Aes128, "privpass123");

    private async Task<string[]> LoggedVarBindsAsync(string alarmId)
    {
        var line = await _fixture.Trapd.WaitForLineAsync(l => l.StartsWith("TRAP|", StringComparison.Ordinal) && l.Contains($"STRING: {alarmId}\t", StringComparison.Ordinal), LogWait);
        return line.Split('|', 3)[2].Split('\t');
    }

    private static void AssertAlarmVarBinds(string[] varBinds, string notification, uint index, string alarmId, string severity)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        Assert.StartsWith("SNMPv2-MIB::sysUpTime.0 = Timeticks: ", varBinds[0], StringComparison.Ordinal);
        Assert.Equal($"SNMPv2-MIB::snmpTrapOID.0 = OID: GATEWAY-MIB::{notification}", varBinds[1]);
        Assert.Equal(
            [
                $"GATEWAY-MIB::gwAlarmId.{i} = STRING: {alarmId}",
                $"GATEWAY-MIB::gwAlarmNode.{i} = STRING: n1@host1",
                $"GATEWAY-MIB::gwAlarmType.{i} = STRING: disk_full",
                $"GATEWAY-MIB::gwAlarmResource.{i} = STRING: /var",
                $"GATEWAY-MIB::gwAlarmSeverity.{i} = INTEGER: {severity}",
                $"GATEWAY-MIB::gwAlarmDescription.{i} = STRING: disk usage above threshold",
                $"GATEWAY-MIB::gwAlarmTime.{i} = STRING: 2026-11-26,10:20:30.0,+0:0",
                $"GATEWAY-MIB::gwAlarmValue.{i} = STRING: 93.5",
                $"GATEWAY-MIB::gwAlarmThreshold.{i} = STRING: 90",
            ],
            varBinds[2..]);
    }

    [Fact]
    public async Task A_v2c_trap_arrives_with_every_varbind_decoded_by_the_mib()
    {
        await using var sender = Sender(SnmpVersion.V2c, inform: false);
        await sender.SendTrapAsync(_notifications.AlarmRaised(Alarm(11, "alarm-v2c-trap")));
        AssertAlarmVarBinds(await LoggedVarBindsAsync("alarm-v2c-trap"), "gwAlarmRaised", 11, "alarm-v2c-trap", "major(4)");
    }

    [Fact]
    public async Task A_v1_trap_arrives_as_the_same_notification()
    {
        await using var sender = Sender(SnmpVersion.V1, inform: false);
        await sender.SendTrapAsync(_notifications.AlarmSeverityChanged(Alarm(12, "alarm-v1-trap") with { Severity = GwSeverity.Critical }));
        var varBinds = await LoggedVarBindsAsync("alarm-v1-trap");
        // snmptrapd's %v lists only the Trap-PDU's own varbinds for v1 (enterprise and specific-trap
        // are checked by V1TrapTranslationTests).
        Assert.Equal(9, varBinds.Length);
        AssertAlarmVarBinds([.. new[] { "SNMPv2-MIB::sysUpTime.0 = Timeticks: (0)", "SNMPv2-MIB::snmpTrapOID.0 = OID: GATEWAY-MIB::gwAlarmSeverityChanged" }, .. varBinds], "gwAlarmSeverityChanged", 12, "alarm-v1-trap", "critical(3)");
    }

    [Fact]
    public async Task A_v2c_inform_is_acknowledged()
    {
        await using var sender = Sender(SnmpVersion.V2c, inform: true);
        var result = await sender.SendInformAsync(_notifications.AlarmCleared(Alarm(13, "alarm-v2c-inform")));
        Assert.True(result.Delivered, result.Error);
        AssertAlarmVarBinds(await LoggedVarBindsAsync("alarm-v2c-inform"), "gwAlarmCleared", 13, "alarm-v2c-inform", "cleared(1)");
    }

    [Fact]
    public async Task A_v3_authPriv_trap_with_sha256_and_aes128_arrives()
    {
        await using var sender = Sender(SnmpVersion.V3, inform: false, User());
        await sender.SendTrapAsync(_notifications.AlarmRaised(Alarm(14, "alarm-v3-trap")));
        AssertAlarmVarBinds(await LoggedVarBindsAsync("alarm-v3-trap"), "gwAlarmRaised", 14, "alarm-v3-trap", "major(4)");
    }

    [Fact]
    public async Task A_v3_authPriv_trap_with_sha1_and_aes256_arrives()
    {
        await using var sender = Sender(SnmpVersion.V3, inform: false, new UsmUser("gwsha1", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes256, "privpass123"));
        await sender.SendTrapAsync(_notifications.AlarmRaised(Alarm(15, "alarm-v3-aes256")));
        AssertAlarmVarBinds(await LoggedVarBindsAsync("alarm-v3-aes256"), "gwAlarmRaised", 15, "alarm-v3-aes256", "major(4)");
    }

    [Fact]
    public async Task A_v3_inform_discovers_the_receiver_engine_and_is_acknowledged()
    {
        await using var sender = Sender(SnmpVersion.V3, inform: true, User());
        var result = await sender.SendInformAsync(_notifications.AlarmRaised(Alarm(16, "alarm-v3-inform")));
        Assert.True(result.Delivered, result.Error);
        AssertAlarmVarBinds(await LoggedVarBindsAsync("alarm-v3-inform"), "gwAlarmRaised", 16, "alarm-v3-inform", "major(4)");

        // The second inform reuses the learned engine ID, boots and time.
        var again = await sender.SendInformAsync(_notifications.AlarmCleared(Alarm(16, "alarm-v3-inform-2")));
        Assert.True(again.Delivered, again.Error);
        Assert.Equal(1, again.Attempts);
    }

    [Fact]
    public async Task Node_notifications_carry_the_node_columns()
    {
        await using var sender = Sender(SnmpVersion.V2c, inform: false);
        var node = new GatewayNodeInfo(21, "node-down-test@host", false, new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero));
        await sender.SendTrapAsync(_notifications.NodeDown(node));
        var line = await _fixture.Trapd.WaitForLineAsync(l => l.Contains("node-down-test@host", StringComparison.Ordinal), LogWait);
        Assert.Equal(
            [
                "SNMPv2-MIB::snmpTrapOID.0 = OID: GATEWAY-MIB::gwNodeDown",
                "GATEWAY-MIB::gwNodeName.21 = STRING: node-down-test@host",
                "GATEWAY-MIB::gwNodeStatus.21 = INTEGER: down(2)",
                "GATEWAY-MIB::gwNodeLastSeen.21 = STRING: 2026-11-26,1:2:3.0,+0:0",
            ],
            line.Split('|', 3)[2].Split('\t')[1..]);
    }

    [Fact]
    public async Task A_v3_trap_with_a_wrong_password_is_rejected_by_snmptrapd()
    {
        await using var sender = Sender(SnmpVersion.V3, inform: false, User("wrongpass123"));
        await sender.SendTrapAsync(_notifications.AlarmRaised(Alarm(17, "alarm-v3-wrong")));
        await _fixture.Trapd.WaitForLineAsync(l => l.Contains("Authentication failed for gwuser", StringComparison.Ordinal), LogWait);
        Assert.DoesNotContain(_fixture.Trapd.Lines(), l => l.Contains("alarm-v3-wrong", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_v3_inform_with_a_wrong_password_fails()
    {
        await using var sender = Sender(SnmpVersion.V3, inform: true, User("wrongpass123"));
        var result = await sender.SendInformAsync(_notifications.AlarmRaised(Alarm(18, "alarm-v3-inform-wrong")));
        Assert.False(result.Delivered);
        Assert.False(result.Retryable, result.Error);
        Assert.Contains("usmStatsWrongDigests", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Trapd.Lines(), l => l.Contains("alarm-v3-inform-wrong", StringComparison.Ordinal));
    }
}
