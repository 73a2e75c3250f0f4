using System.Collections.Concurrent;
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
    private readonly IAsyncDisposable?[] nodes;
    private readonly Dictionary<IPAddress, BuiltInEpmd> epmds = [];
    private readonly ConcurrentDictionary<string, long> callsByFunction = new(StringComparer.Ordinal);
    private readonly long[] lastCollect;
    private readonly int[] collectGapHistogram = new int[5];

    public NodeFarm(SimulatorArguments arguments)
    {
        this.arguments = arguments;
        calls = new long[arguments.Nodes];
        lastCollect = new long[arguments.Nodes];
        nodes = new IAsyncDisposable?[arguments.Nodes];
        if (arguments.AddressBase is not null)
        {
            foreach (var address in arguments.Addresses())
            {
                epmds[address] = new BuiltInEpmd(new IPEndPoint(address, arguments.EpmdPort));
            }
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var where = arguments.AddressBase is null
            ? $"epmd 127.0.0.1:{string.Join(',', arguments.EpmdPorts())}"
            : $"built-in epmd on {string.Join(',', epmds.Keys)} port {arguments.EpmdPort}";
        Console.WriteLine($"agent version {book.AgentVersion}; registering {arguments.Nodes} nodes {arguments.NodeName(arguments.FirstNode)} … with {where}");
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

        foreach (var epmd in epmds.Values)
        {
            await epmd.DisposeAsync();
        }
    }

    private ErlangTerm Answer(ErlangAtom name, int i, ErlangAtom module, ErlangAtom function, IReadOnlyList<ErlangTerm> args)
    {
        callsByFunction.AddOrUpdate($"{module.Name}:{function.Name}/{args.Count}", 1, (_, n) => n + 1);
        if (function.Name == "collect")
        {
            // Gap to the node's previous collect, in buckets < 0.1 s, < 1 s, < 5 s, < 14 s, >= 14 s: with a
            // 15 s interval anything in the first four is an extra collection.
            var now = Stopwatch.GetTimestamp();
            var previous = Interlocked.Exchange(ref lastCollect[i], now);
            if (previous != 0)
            {
                var gap = Stopwatch.GetElapsedTime(previous, now).TotalSeconds;
                Interlocked.Increment(ref collectGapHistogram[gap < 0.1 ? 0 : gap < 1 ? 1 : gap < 5 ? 2 : gap < 14 ? 3 : 4]);
            }
        }

        return book.Answer(name, Interlocked.Increment(ref calls[i]), module, function, args);
    }

    private async Task<IAsyncDisposable> StartNodeAsync(int i, CancellationToken cancellationToken)
    {
        var name = ErlangAtom.Of(arguments.NodeName(arguments.FirstNode + i));
        var port = arguments.BasePort > 0 ? arguments.BasePort + i : 0;
        if (arguments.AddressBase is not null)
        {
            // No ALIVE2 connection: the built-in epmd of the node's address learns the port directly.
            var address = arguments.AddressOf(arguments.FirstNode + i);
            var listener = new DistributionListener(
                new DistributionListenerOptions { NodeName = name.Name, Cookie = arguments.Cookie, ListenEndPoint = new IPEndPoint(address, port) },
                (module, function, args) => Answer(name, i, module, function, args));
            listener.Start((uint)(1000 + arguments.FirstNode + i));
            epmds[address].Register(name.Name[..name.Name.IndexOf('@', StringComparison.Ordinal)], listener.Port);
            return listener;
        }

        return await SimulatedNode.StartAsync(
            new DistributionListenerOptions
            {
                NodeName = name.Name,
                Cookie = arguments.Cookie,
                ListenEndPoint = new IPEndPoint(IPAddress.Loopback, port),
            },
            "127.0.0.1",
            arguments.EpmdPortOf(arguments.FirstNode + i),
            (module, function, args) => Answer(name, i, module, function, args),
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
                    $"t={now.TotalSeconds,6:0.0}s calls/s={rate,8:0.0} total={total} nodes called={called} per-node calls min={min} max={max} by function: {string.Join(' ', callsByFunction.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}"));
                var histogram = calls.Where((_, n) => nodes[n] is not null).GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}");
                Console.WriteLine($"  nodes by calls answered (calls:nodes): {string.Join(' ', histogram)}");
                Console.WriteLine($"  gaps between two collects of a node: <0.1s={collectGapHistogram[0]} 0.1-1s={collectGapHistogram[1]} 1-5s={collectGapHistogram[2]} 5-14s={collectGapHistogram[3]} >=14s={collectGapHistogram[4]}");
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
