using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Gateway.Collector;

namespace Gateway.Tests.Collector.Scheduling;

/// <summary>A provider the test drives: every <see cref="Publish"/> is one yielded group.</summary>
internal sealed class ChannelTargetProvider : ITargetProvider
{
    private readonly Channel<TargetGroup> _groups = Channel.CreateUnbounded<TargetGroup>();

    public string Name => "test";

    public void Publish(string key, params ScrapeTarget[] targets) => _groups.Writer.TryWrite(new TargetGroup(key, targets));

    public async IAsyncEnumerable<TargetGroup> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var group in _groups.Reader.ReadAllAsync(cancellationToken))
        {
            yield return group;
        }
    }
}
