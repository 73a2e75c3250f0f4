using System.Diagnostics;
using System.Globalization;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace LoadSimulator;

/// <summary>
/// The <c>--drive</c> mode: our initiator side alone (one <see cref="LocalNode"/>, as the gateway holds),
/// calling <c>gateway_agent:version()</c> then <c>gateway_agent:collect(#{})</c> on every simulated
/// node, the first round as fast as possible, then once per interval with the calls spread evenly.
/// Prints CPU per node per cycle, memory per node and the time to the first full sample.
/// </summary>
internal sealed class Driver(SimulatorArguments arguments)
{
    // Lookups hold an epmd connection each; epmd has room for about 1,020 connections in all.
    private const int FirstRoundConcurrency = 128;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly ErlangTerm[] CollectArgs = [ErlangMap.Empty];

    private long errors;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var indexes = Enumerable.Range(arguments.FirstNode, arguments.Nodes).ToArray();
        var names = indexes.Select(arguments.NodeName).ToArray();

        // LocalNode looks every peer up in one epmd; with several epmds, one LocalNode per epmd.
        var locals = arguments.EpmdPorts().ToDictionary(port => port, port => new LocalNode(new LocalNodeOptions
        {
            NodeName = $"drive{Environment.ProcessId}_{port}@{arguments.HostName}",
            Cookie = arguments.Cookie,
            EpmdPort = port,
        }));
        var nodeLocals = indexes.Select(i => locals[arguments.EpmdPortOf(i)]).ToArray();
        try
        {
            return await RunAsync(names, nodeLocals, cancellationToken);
        }
        finally
        {
            foreach (var local in locals.Values)
            {
                await local.DisposeAsync();
            }
        }
    }

    private async Task<int> RunAsync(string[] names, LocalNode[] nodeLocals, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        Report(process, "before", 0);

        var clock = Stopwatch.StartNew();
        var cpuStart = process.TotalProcessorTime;
        var next = -1;
        async Task FirstRound()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < names.Length)
            {
                await CallAsync(nodeLocals[i], names[i], version: true, cancellationToken);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, FirstRoundConcurrency).Select(_ => Task.Run(FirstRound, cancellationToken)));
        var firstFull = clock.Elapsed;
        process.Refresh();
        var firstCpu = process.TotalProcessorTime - cpuStart;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first full sample of {names.Length} nodes (connect + version + collect) after {firstFull.TotalSeconds:0.00} s, CPU {firstCpu.TotalSeconds:0.00} s ({firstCpu.TotalMilliseconds / names.Length:0.000} ms/node), errors {Interlocked.Read(ref errors)}"));
        Report(process, "after first round", names.Length);

        var cpuPerNode = new List<double>();
        for (var cycle = 1; cycle <= arguments.Cycles; cycle++)
        {
            process.Refresh();
            var cycleCpu = process.TotalProcessorTime;
            var cycleStart = clock.Elapsed;
            var inFlight = new List<Task>(names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                // Spread: node i is due i/N of the way through the interval.
                var due = cycleStart + (arguments.Interval * i / names.Length);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken);
                }

                inFlight.Add(CallAsync(nodeLocals[i], names[i], version: false, cancellationToken));
            }

            await Task.WhenAll(inFlight);
            var rest = cycleStart + arguments.Interval - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }

            process.Refresh();
            var used = process.TotalProcessorTime - cycleCpu;
            var elapsed = clock.Elapsed - cycleStart;
            cpuPerNode.Add(used.TotalMilliseconds / names.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycle {cycle}: {elapsed.TotalSeconds:0.0} s, CPU {used.TotalSeconds:0.00} s = {used / elapsed:0.000} cores, {used.TotalMilliseconds / names.Length:0.000} ms/node/cycle, errors so far {Interlocked.Read(ref errors)}"));
            Report(process, $"after cycle {cycle}", names.Length);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Report(process, "after full GC", names.Length);
        if (cpuPerNode.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"summary: nodes={names.Length} first-full-sample={firstFull.TotalSeconds:0.00}s cpu-ms/node/cycle={cpuPerNode.Average():0.000} cores-at-interval={cpuPerNode.Average() * names.Length / arguments.Interval.TotalMilliseconds:0.000} errors={Interlocked.Read(ref errors)}"));
        }

        return Interlocked.Read(ref errors) == 0 ? 0 : 2;
    }

    private static void Report(Process process, string when, int nodes)
    {
        process.Refresh();
        var workingSet = process.WorkingSet64 / 1048576.0;
        var heap = GC.GetTotalMemory(false) / 1048576.0;
        var perNode = nodes > 0 ? string.Create(CultureInfo.InvariantCulture, $" = {process.WorkingSet64 / 1024.0 / nodes:0.0} KiB/node working set, {GC.GetTotalMemory(false) / 1024.0 / nodes:0.0} KiB/node GC heap") : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory {when}: working set {workingSet:0.0} MiB, GC heap {heap:0.0} MiB{perNode}"));
    }

    private async Task CallAsync(LocalNode local, string node, bool version, CancellationToken cancellationToken)
    {
        try
        {
            if (version)
            {
                await local.RpcAsync(node, "gateway_agent", "version", [], Timeout, cancellationToken);
            }

            var reply = await local.RpcAsync(node, "gateway_agent", "collect", CollectArgs, Timeout, cancellationToken);
            if (reply is not ErlangMap)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (Interlocked.Increment(ref errors) <= 5)
            {
                Console.Error.WriteLine($"{node}: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
