using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Notifications;

namespace Gateway.Snmp.Benchmarks;

/// <summary>
/// What snmptrapd really accepts: traps sent at a fixed rate for 2 s (paced by <see cref="TokenBucket"/>),
/// then the lines in its log are counted. Unpaced bursts overrun snmptrapd's socket buffer, so the
/// unpaced throughput benchmark measures the sender, this one the end-to-end delivery.
/// Results are printed as "// paced …" lines; the timing columns are not the point.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class PacedTrapdDeliveryBenchmarks
{
    private TrapdProcess _trapd = null!;
    private NotificationSender _sender = null!;

    [Params("v2c", "v3-authPriv")]
    public string Version { get; set; } = "v2c";

    [Params(5000, 10000)]
    public int RatePerSecond { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trapd = new TrapdProcess($"createUser -e {Engine.SnmpEngineId.ToHex(BenchFixtures.Engine.EngineId)} gwuser SHA-256 authpass123 AES privpass123\n");
        var target = Version == "v2c"
            ? new NotificationTarget { EndPoint = _trapd.EndPoint }
            : new NotificationTarget { EndPoint = _trapd.EndPoint, Version = SnmpVersion.V3, User = BenchFixtures.User() };
        _sender = new NotificationSender(target, BenchFixtures.Engine);
    }

    [Benchmark]
    public void SendPacedForTwoSeconds()
    {
        var bucket = new TokenBucket(RatePerSecond, Math.Max(1, RatePerSecond / 100));
        int total = RatePerSecond * 2;
        int sent = 0;
        while (sent < total)
        {
            if (bucket.TryTake())
            {
                _sender.SendTrap(BenchFixtures.Notification);
                sent++;
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        long logged = 0;
        for (int i = 0; i < 50; i++)
        {
            Thread.Sleep(100);
            long now = _trapd.LoggedTraps();
            if (now == logged && i > 5)
            {
                break;
            }

            logged = now;
        }

        Console.WriteLine($"// paced {Version} at {RatePerSecond}/s: sent {_sender.Sent}, logged by snmptrapd {logged} ({100.0 * logged / Math.Max(1, _sender.Sent):F1} %)");
        _sender.Dispose();
        _trapd.Dispose();
    }
}
