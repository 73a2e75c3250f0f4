using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Gateway.Collector.Discovery;

/// <summary>
/// Runs several providers as one (for registering a source's whole discovery as a single service): their
/// groups come out interleaved in arrival order. The enumeration ends when all children have ended; a
/// child that throws ends the whole enumeration with that error and stops the others (the scheduler logs
/// it, keeps the last groups and restarts the enumeration later, which re-yields every group).
/// </summary>
public sealed class CompositeTargetProvider(string name, IReadOnlyList<ITargetProvider> providers) : ITargetProvider
{
    public string Name { get; } = name;

    public IReadOnlyList<ITargetProvider> Providers { get; } = providers;

    public async IAsyncEnumerable<TargetGroup> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateUnbounded<TargetGroup>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = Providers.Select(p => PumpAsync(p, channel.Writer, stop)).ToArray();
        _ = Task.WhenAll(pumps).ContinueWith(
            _ => channel.Writer.TryComplete(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            await foreach (var group in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return group;
            }
        }
        finally
        {
            // The consumer stopped (or a child failed): stop the other children too.
            await stop.CancelAsync();
        }
    }

    private static async Task PumpAsync(ITargetProvider provider, ChannelWriter<TargetGroup> writer, CancellationTokenSource stop)
    {
        await Task.Yield();
        try
        {
            await foreach (var group in provider.WatchAsync(stop.Token))
            {
                await writer.WriteAsync(group, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown, or a sibling failed.
        }
        catch (Exception ex)
        {
            // End the whole enumeration with the child's error; the consumer restarts it.
            writer.TryComplete(new InvalidOperationException($"target provider {provider.Name} failed: {ex.Message}", ex));
        }
    }
}
