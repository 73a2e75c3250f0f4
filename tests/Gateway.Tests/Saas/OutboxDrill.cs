using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas;

/// <summary>
/// An exporter behind a real <see cref="EventOutbox"/> + <see cref="OutboxDelivery"/> on a fake clock: each
/// step waits what the delivery loop would wait (the clock is advanced by the step's delay).
/// </summary>
public sealed class OutboxDrill : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateway-drill-").FullName;

    public OutboxDrill(FakeTimeProvider time)
    {
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public OutboxOptions Options { get; } = new() { Jitter = 0, MaxBatchEvents = 10, InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) };

    /// <summary>The same file every time: a restart opens it again.</summary>
    public EventOutbox Open(string name = "drill") => new(name, Path.Combine(_dir, name + ".db"), Options, Time, NullLogger.Instance);

    public OutboxDelivery Delivery(IEventExporter exporter, EventOutbox outbox) => new(exporter, outbox, Options, Time, NullLogger.Instance);

    /// <summary>Runs delivery steps until the outbox is empty or <paramref name="until"/> is true; returns the steps.</summary>
    public async Task<List<DeliveryStep>> RunAsync(OutboxDelivery delivery, Func<DeliveryStep, bool>? until = null, int maxSteps = 500)
    {
        var steps = new List<DeliveryStep>();
        for (var i = 0; i < maxSteps; i++)
        {
            var step = await delivery.DeliverOnceAsync(CancellationToken.None);
            if (step.Outcome == DeliveryOutcome.Idle)
            {
                return steps;
            }
            steps.Add(step);
            if (until?.Invoke(step) == true)
            {
                return steps;
            }
            Time.Advance(step.Delay > TimeSpan.Zero ? step.Delay : TimeSpan.FromMilliseconds(1));
        }
        throw new InvalidOperationException("the outbox never drained");
    }

    public static async Task AppendAsync(EventOutbox outbox, IEnumerable<GatewayEvent> events)
    {
        foreach (var e in events)
        {
            await outbox.AppendAsync(e);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp.
        }
    }
}
