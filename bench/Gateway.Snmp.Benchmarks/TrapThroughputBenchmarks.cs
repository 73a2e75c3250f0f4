using BenchmarkDotNet.Attributes;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Notifications;

namespace Gateway.Snmp.Benchmarks;

/// <summary>
/// Traps/s from one sender on one thread: encode + UDP send, 1,000 per operation. Target "sink" is
/// a socket we own that counts datagrams; "snmptrapd" is net-snmp logging each trap to a file.
/// Traps/s = 1e9 / (ns per op). Sent and received/logged counts are printed at cleanup.
/// </summary>
[MemoryDiagnoser]
public class TrapThroughputBenchmarks
{
    private const int Batch = 1000;
    private UdpSink? _sink;
    private TrapdProcess? _trapd;
    private NotificationSender _sender = null!;

    [Params("v2c", "v3-authPriv")]
    public string Version { get; set; } = "v2c";

    [Params("sink", "snmptrapd")]
    public string Target { get; set; } = "sink";

    [GlobalSetup]
    public void Setup()
    {
        var endPoint = Target == "sink"
            ? (_sink = new UdpSink()).EndPoint
            : (_trapd = new TrapdProcess($"createUser -e {Engine.SnmpEngineId.ToHex(BenchFixtures.Engine.EngineId)} gwuser SHA-256 authpass123 AES privpass123\n")).EndPoint;
        var target = Version == "v2c"
            ? new NotificationTarget { EndPoint = endPoint }
            : new NotificationTarget { EndPoint = endPoint, Version = SnmpVersion.V3, User = BenchFixtures.User() };
        _sender = new NotificationSender(target, BenchFixtures.Engine);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void SendTraps()
    {
        for (int i = 0; i < Batch; i++)
        {
            _sender.SendTrap(BenchFixtures.Notification);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Thread.Sleep(1000);
        long received = _sink?.Count ?? _trapd!.LoggedTraps();
        Console.WriteLine($"// {Version} -> {Target}: sent {_sender.Sent}, send errors {_sender.SendErrors}, {(Target == "sink" ? "received" : "logged by snmptrapd")} {received}");
        _sender.Dispose();
        _sink?.Dispose();
        _trapd?.Dispose();
    }
}
