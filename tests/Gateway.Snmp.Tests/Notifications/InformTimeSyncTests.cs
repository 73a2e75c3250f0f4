using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;
using Gateway.Snmp.Security;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Notifications;

public sealed class InformTimeSyncTests
{
    // snmptrapd answers in well under a millisecond; a short timeout would let a busy machine turn
    // its report or acknowledgement into a retry and change what the counters below prove.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_snmptrapd_restarts_a_not_in_time_window_report_resynchronises_and_the_inform_is_delivered()
    {
        const string Conf = "disableAuthorization yes\noldEngineID 0x80001f88800102030405060708\ncreateUser gwuser SHA-256 authpass123 AES privpass123\n";
        using var trapd = await SnmpTrapd.StartAsync(Conf + "engineBoots 5\n");
        var engine = new SnmpEngine(SnmpEngineId.FromText(99999, "gw-resync"), 1);
        var user = new UsmUser("gwuser", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123");
        await using var sender = new NotificationSender(
            new NotificationTarget { EndPoint = trapd.EndPoint, Version = SnmpVersion.V3, Inform = true, User = user, Timeout = AnswerTimeout, Retries = 1 },
            engine);
        var mib = new GatewayNotifications();
        var node = new GatewayNodeInfo(1, "resync-before@host", true, DateTimeOffset.UnixEpoch);

        var first = await sender.SendInformAsync(mib.NodeUp(node));
        Assert.True(first.Delivered, first.Error);

        // Same engine ID, boots jumped: our cached boots are now stale.
        await trapd.RestartAsync(Conf + "engineBoots 40\n");
        var second = await sender.SendInformAsync(mib.NodeDown(node with { Name = "resync-after@host" }));
        Assert.True(second.Delivered, second.Error);
        Assert.Equal(1, sender.TimeResyncs);
        Assert.Equal(0, sender.Rediscoveries);
        await trapd.WaitForLineAsync(l => l.Contains("resync-after@host", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task After_snmptrapd_comes_back_with_a_new_engine_id_the_inform_rediscovers_it()
    {
        const string Conf = "disableAuthorization yes\ncreateUser gwuser SHA-256 authpass123 AES privpass123\n";
        using var trapd = await SnmpTrapd.StartAsync(Conf + "oldEngineID 0x80001f88800102030405060709\n");
        var engine = new SnmpEngine(SnmpEngineId.FromText(99999, "gw-rediscover"), 1);
        var user = new UsmUser("gwuser", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123");
        await using var sender = new NotificationSender(
            new NotificationTarget { EndPoint = trapd.EndPoint, Version = SnmpVersion.V3, Inform = true, User = user, Timeout = AnswerTimeout, Retries = 1 },
            engine);
        var mib = new GatewayNotifications();
        Assert.True((await sender.SendInformAsync(mib.NodeUp(new GatewayNodeInfo(1, "rediscover-before@host", true, DateTimeOffset.UnixEpoch)))).Delivered);

        await trapd.RestartAsync(Conf + "oldEngineID 0x80001f888001020304050607AA\n");
        var second = await sender.SendInformAsync(mib.NodeUp(new GatewayNodeInfo(1, "rediscover-after@host", true, DateTimeOffset.UnixEpoch)));
        Assert.True(second.Delivered, second.Error);
        Assert.Equal(1, sender.Rediscoveries);
        await trapd.WaitForLineAsync(l => l.Contains("rediscover-after@host", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }
}
