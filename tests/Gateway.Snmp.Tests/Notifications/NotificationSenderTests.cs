using System.Net;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Notifications;

public sealed class NotificationSenderTests
{
    private static readonly SnmpEngine Engine = new(SnmpEngineId.FromText(99999, "sender-unit"), 1);

    [Fact]
    public async Task A_trap_starts_with_sys_up_time_and_snmp_trap_oid()
    {
        using var capture = new UdpCapture();
        await using var sender = new NotificationSender(new NotificationTarget { EndPoint = new IPEndPoint(IPAddress.Loopback, capture.Port) }, Engine);
        var node = new GatewayNodeInfo(3, "n3@h", true, DateTimeOffset.UnixEpoch);
        await sender.SendTrapAsync(new GatewayNotifications().NodeUp(node));
        var message = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(await capture.ReceiveAsync(TimeSpan.FromSeconds(5))));
        var pdu = Assert.IsType<SnmpPdu>(message.Pdu);
        Assert.Equal(PduType.SnmpV2Trap, pdu.Type);
        Assert.Equal(SnmpOids.SysUpTime0, pdu.VarBinds[0].Oid);
        Assert.Equal(new VarBind(SnmpOids.SnmpTrapOid0, SnmpValue.Oid(new GatewayMibOids().NodeUp)), pdu.VarBinds[1]);
        Assert.Equal("n3@h", pdu.VarBinds[2].Value.AsString());
        Assert.Equal(1, sender.Sent);
    }

    [Fact]
    public async Task An_unanswered_inform_fails_after_its_retries()
    {
        using var capture = new UdpCapture();
        await using var sender = new NotificationSender(
            new NotificationTarget { EndPoint = new IPEndPoint(IPAddress.Loopback, capture.Port), Inform = true, Timeout = TimeSpan.FromMilliseconds(100), Retries = 2 },
            Engine);
        var result = await sender.SendAsync(new SnmpNotification(new GatewayMibOids().NodeUp, []));
        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("no response", result.Error);
        Assert.True(result.Retryable);
        var first = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(await capture.ReceiveAsync(TimeSpan.FromSeconds(5))));
        var second = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(await capture.ReceiveAsync(TimeSpan.FromSeconds(5))));
        // Retransmissions keep the request-id so the receiver can drop duplicates.
        Assert.Equal(((SnmpPdu)first.Pdu).RequestId, ((SnmpPdu)second.Pdu).RequestId);
        Assert.Equal(PduType.InformRequest, first.Pdu.Type);
    }
}
