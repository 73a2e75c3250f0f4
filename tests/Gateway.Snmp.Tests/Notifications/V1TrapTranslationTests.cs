using System.Net;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;

namespace Gateway.Snmp.Tests.Notifications;

public sealed class V1TrapTranslationTests
{
    [Fact]
    public void An_enterprise_notification_under_a_zero_arc_maps_to_its_enterprise_and_specific_trap()
    {
        var notification = new SnmpNotification(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.0.5"), [new VarBind(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.1.2.1.2.1"), SnmpValue.OctetString("n"))]);
        var trap = V1TrapTranslation.ToTrapV1(notification, 500, IPAddress.Parse("192.0.2.1"));
        Assert.Equal(GatewayMibOids.DefaultBase, trap.Enterprise);
        Assert.Equal((6, 5, 500u), (trap.GenericTrap, trap.SpecificTrap, trap.TimeStamp));
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, trap.AgentAddress);
        Assert.Single(trap.VarBinds);
    }

    [Fact]
    public void Generic_traps_map_to_generic_trap_numbers_and_counter64_is_dropped()
    {
        var linkDown = new SnmpNotification(ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5.3"), [new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), SnmpValue.Counter64(1))]);
        var trap = V1TrapTranslation.ToTrapV1(linkDown, 0, IPAddress.Any);
        Assert.Equal((2, 0), (trap.GenericTrap, trap.SpecificTrap));
        Assert.Empty(trap.VarBinds);
    }
}
