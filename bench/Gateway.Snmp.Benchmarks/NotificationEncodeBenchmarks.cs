using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;

namespace Gateway.Snmp.Benchmarks;

/// <summary>CPU and allocation cost of encoding one alarm notification (9 varbinds + sysUpTime + snmpTrapOID).</summary>
[MemoryDiagnoser]
public class NotificationEncodeBenchmarks
{
    private readonly GatewayNotifications _notifications = new();
    private TrapEncoder _v2c = null!;
    private TrapEncoder _v3 = null!;
    private int _id;

    [GlobalSetup]
    public void Setup()
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, 162);
        _v2c = new TrapEncoder(new NotificationTarget { EndPoint = endPoint }, BenchFixtures.Engine);
        _v3 = new TrapEncoder(new NotificationTarget { EndPoint = endPoint, Version = SnmpVersion.V3, User = BenchFixtures.User() }, BenchFixtures.Engine);
    }

    [Benchmark(Baseline = true)]
    public int EncodeV2cTrap() => _v2c.Encode(BenchFixtures.Notification, ++_id).Length;

    [Benchmark]
    public int EncodeV3AuthPrivTrap_Sha256_Aes128() => _v3.Encode(BenchFixtures.Notification, ++_id).Length;

    /// <summary>Mapping an alarm record onto GATEWAY-MIB varbinds (done once per alarm event, shared by all destinations).</summary>
    [Benchmark]
    public SnmpNotification BuildAlarmNotification() => _notifications.AlarmRaised(BenchFixtures.Alarm);
}
