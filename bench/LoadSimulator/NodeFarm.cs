using System.Diagnostics;
using System.Globalization;
using System.Net;
using Gateway.Erlang.Server;
using Gateway.Erlang.Terms;

namespace LoadSimulator;

/// <summary>Many simulated nodes in this process, each counting the calls it answered.</summary>
internal sealed class NodeFarm : IAsyncDisposable
{
    private readonly SimulatorArguments arguments;
    private readonly ReplyBook book = new();
    private readonly long[] calls;
    private readonly SimulatedNode?[] nodes;

    public NodeFarm(SimulatorArguments arguments)
    {
        this.arguments = arguments;
        calls = new long[arguments.Nodes];
        nodes = new SimulatedNode?[arguments.Nodes];
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"agent version {book.AgentVersion}; registering {arguments.Nodes} nodes {arguments.NodeName(arguments.FirstNode)} … with epmd 127.0.0.1:{string.Join(',', arguments.EpmdPorts())}");
        var clock = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        async Task StartSome()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < nodes.Length && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    nodes[i] = await StartNodeAsync(i, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref failures) <= 5)
                    {
                        Console.Error.WriteLine($"{arguments.NodeName(arguments.FirstNode + i)}: {e.Message}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, arguments.StartConcurrency).Select(_ => Task.Run(StartSome, cancellationToken)));
        var started = nodes.Count(n => n is not null);
        Console.WriteLine($"{started} nodes registered in {clock.Elapsed.TotalSeconds:0.0} s ({failures} failed)");
        if (started == 0)
        {
            return 1;
        }

        return await ReportAsync(clock, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
    }

    private Task<SimulatedNode> StartNodeAsync(int i, CancellationToken cancellationToken)
    {
        var name = ErlangAtom.Of(arguments.NodeName(arguments.FirstNode + i));
        var port = arguments.BasePort > 0 ? arguments.BasePort + i : 0;
        return SimulatedNode.StartAsync(
            new DistributionListenerOptions
            {
                NodeName = name.Name,
                Cookie = arguments.Cookie,
                ListenEndPoint = new IPEndPoint(IPAddress.Loopback, port),
            },
            "127.0.0.1",
            arguments.EpmdPortOf(arguments.FirstNode + i),
            (module, function, args) => book.Answer(name, Interlocked.Increment(ref calls[i]), module, function, args),
            cancellationToken: cancellationToken);
    }

    private async Task<int> ReportAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        // Checks every second (so --until-all-called reports a precise time), prints every fifth.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var ticks = 0;
        long previous = 0;
        var previousTime = clock.Elapsed;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var total = 0L;
                var min = long.MaxValue;
                var max = 0L;
                var called = 0;
                for (var i = 0; i < calls.Length; i++)
                {
                    if (nodes[i] is null)
                    {
                        continue;
                    }

                    var c = Interlocked.Read(ref calls[i]);
                    total += c;
                    min = Math.Min(min, c);
                    max = Math.Max(max, c);
                    called += c > 0 ? 1 : 0;
                }

                var now = clock.Elapsed;
                var done = arguments.UntilAllCalled is { } wanted && min >= wanted;
                if (++ticks % 5 != 0 && !done)
                {
                    continue;
                }

                var rate = (total - previous) / (now - previousTime).TotalSeconds;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"t={now.TotalSeconds,6:0.0}s calls/s={rate,8:0.0} total={total} nodes called={called} per-node calls min={min} max={max}"));
                (previous, previousTime) = (total, now);
                if (done)
                {
                    Console.WriteLine($"every node called {arguments.UntilAllCalled} times after {now.TotalSeconds:0.0} s");
                    return 0;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
