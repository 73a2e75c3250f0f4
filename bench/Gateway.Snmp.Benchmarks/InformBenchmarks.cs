using BenchmarkDotNet.Attributes;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Notifications;

namespace Gateway.Snmp.Benchmarks;

/// <summary>Informs/s to snmptrapd: either one at a time (round-trip bound) or 32 in flight on one sender.</summary>
public class InformBenchmarks
{
    private const int Batch = 64;
    private TrapdProcess _trapd = null!;
    private NotificationSender _sender = null!;

    [Params("v2c", "v3-authPriv")]
    public string Version { get; set; } = "v2c";

    [GlobalSetup]
    public void Setup()
    {
        _trapd = new TrapdProcess("createUser gwuser SHA-256 authpass123 AES privpass123\n");
        var target = Version == "v2c"
            ? new NotificationTarget { EndPoint = _trapd.EndPoint, Inform = true }
            : new NotificationTarget { EndPoint = _trapd.EndPoint, Inform = true, Version = SnmpVersion.V3, User = BenchFixtures.User() };
        _sender = new NotificationSender(target, BenchFixtures.Engine);
        if (!_sender.SendInformAsync(BenchFixtures.Notification).GetAwaiter().GetResult().Delivered)
        {
            throw new InvalidOperationException("snmptrapd did not acknowledge the warm-up inform");
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task SequentialInforms()
    {
        for (int i = 0; i < Batch; i++)
        {
            var result = await _sender.SendInformAsync(BenchFixtures.Notification);
            if (!result.Delivered)
            {
                throw new InvalidOperationException(result.Error);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task ConcurrentInforms32()
    {
        var tasks = new Task<NotificationResult>[32];
        for (int round = 0; round < Batch / 32; round++)
        {
            for (int i = 0; i < tasks.Length; i++)
            {
                tasks[i] = _sender.SendInformAsync(BenchFixtures.Notification);
            }

            foreach (var result in await Task.WhenAll(tasks))
            {
                if (!result.Delivered)
                {
                    throw new InvalidOperationException(result.Error);
                }
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _trapd.Dispose();
    }
}
