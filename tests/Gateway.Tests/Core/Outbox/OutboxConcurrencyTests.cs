using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Core.Outbox;

public sealed class OutboxConcurrencyTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Concurrent_producers_and_a_flaky_exporter_get_every_event_exactly_once_in_producer_order()
    {
        var options = new OutboxOptions { InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(2), Jitter = 0, BreakerFailures = 1_000_000, MaxBatchEvents = 37 };
        using var outbox = new EventOutbox("stress", _dir.File("stress.db"), options, TimeProvider.System, NullLogger.Instance);
        var random = new Random(7);
        var exporter = new ScriptedExporter
        {
            Otherwise = batch =>
            {
                lock (random)
                {
                    return random.Next(5) == 0 ? DeliveryResult.Retry("flaky") : DeliveryResult.Delivered;
                }
            },
        };
        var delivery = new OutboxDelivery(exporter, outbox, options, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => delivery.RunAsync(stop.Token));

        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var sent = new List<Guid>();
            for (var i = 0; i < 250; i++)
            {
                var e = i % 3 == 0 ? TestEvents.Alarm(node: $"p{p}") : TestEvents.Notification($"{i}", node: $"p{p}");
                await outbox.AppendAsync(e);
                sent.Add(e.Id);
            }
            return sent;
        })).ToArray();
        var sentByProducer = await Task.WhenAll(producers);
        await Eventually.True(() => exporter.DeliveredCount == 1000, "all 1000 events delivered");
        await stop.CancelAsync();
        await loop;

        var delivered = exporter.Delivered.ToArray();
        Assert.Equal(1000, delivered.Select(e => e.Id).Distinct().Count());
        for (var p = 0; p < 4; p++)
        {
            var node = $"p{p}";
            Assert.Equal(sentByProducer[p], delivered.Where(e => e.OrderingKey == node || e.Alarm?.Alarm.Node == node).Select(e => e.Id));
        }
        Assert.Equal(0, outbox.Statistics.Depth);
        Assert.Equal(1000, outbox.Statistics.Delivered);
    }
}
