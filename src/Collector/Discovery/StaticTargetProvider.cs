using System.Runtime.CompilerServices;

namespace Gateway.Collector.Discovery;

/// <summary>Targets fixed by configuration: yields its groups once, then ends (they stay in force).</summary>
public sealed class StaticTargetProvider(string name, IReadOnlyList<TargetGroup> groups) : ITargetProvider
{
    public string Name { get; } = name;

    public async IAsyncEnumerable<TargetGroup> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return group;
        }
        await Task.CompletedTask;
    }
}
