using System.Diagnostics;
using System.Globalization;
using Gateway.Erlang.Epmd;

namespace Gateway.Erlang.Tests.Fixtures;

/// <summary>
/// A real OTP node run as our child process (<c>erl -noinput</c>, no <c>-detached</c>, so we own its
/// PID), registered with a test <see cref="EpmdProcess"/>. Ready once EPMD lists it. Killed with its
/// process tree on dispose; it also halts by itself within a second if the test host dies.
/// </summary>
public sealed class ErlangNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly OutputCapture output;

    private ErlangNode(Process process, OutputCapture output, ErlangNodeOptions options)
    {
        this.process = process;
        this.output = output;
        Options = options;
    }

    public ErlangNodeOptions Options { get; }

    /// <summary>The full node name, <c>alive@host</c>.</summary>
    public string Name => Options.AliveName + "@" + Options.Host;

    public string Cookie => Options.Cookie;

    /// <summary>The OS pid of beam.smp (erl execs into it, so it is our child's pid).</summary>
    public int OsPid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What the node printed so far (for failure messages).</summary>
    public string Output => output.ToString();

    public static async Task<ErlangNode> StartAsync(EpmdProcess epmd, ErlangNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ErlangNodeOptions();
        var info = new ProcessStartInfo(ErlangTools.Erl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["ERL_EPMD_PORT"] = epmd.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        foreach (var arg in BuildArguments(options))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start erl.");
        var output = new OutputCapture();
        output.Attach(process);
        var node = new ErlangNode(process, output, options);
        try
        {
            await node.WaitUntilRegisteredAsync(epmd, cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: the node dies at once, its sockets close.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            OsSignals.Kill(process.Id);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the node freezes with its sockets open (a hung node); returns once it is frozen.</summary>
    public async Task SuspendAsync()
    {
        // A frozen node cannot run its own watchdog: have a shell kill it if the test host dies.
        ParentWatch.Guard(process.Id);
        await OsSignals.StopAsync(process.Id);
    }

    /// <summary>SIGCONT after <see cref="SuspendAsync"/>.</summary>
    public void Resume() => OsSignals.Continue(process.Id);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                // A suspended process ignores everything but SIGKILL, which Kill sends.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private const string ReadyMarker = "gateway-fixture-node-ready";

    private static List<string> BuildArguments(ErlangNodeOptions options)
    {
        var args = new List<string>
        {
            "-sname", options.AliveName + "@" + options.Host,
            "-setcookie", options.Cookie,
            "-noinput",
            // Our EPMD already runs: without this erl forks "epmd -daemon", whose exited parent stays a zombie.
            "-start_epmd", "false",
            "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
        };
        if (options.Host.Contains('.', StringComparison.Ordinal))
        {
            args[0] = "-name";
        }

        if (options.NetTickTimeSeconds is int tick)
        {
            args.AddRange(["-kernel", "net_ticktime", tick.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.Hidden)
        {
            args.Add("-hidden");
        }

        if (options.Small)
        {
            args.AddRange(["+S", "1:1", "+SDcpu", "1:1", "+SDio", "1", "+A", "1", "+sbwt", "none", "+sbwtdcpu", "none", "+sbwtdio", "none"]);
        }

        // Halt when the test host is gone (crashed or killed), so no node outlives its test run.
        var parent = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        args.AddRange([
            "-eval",
            "spawn(fun() -> W = fun Watch() -> receive after 1000 -> ok end, " +
            $"case file:read_file_info(\"/proc/{parent}\") of {{ok, _}} -> Watch(); _ -> erlang:halt(1) end end, W() end), " +
            // -eval runs once the boot script has started every application: the node is ready.
            $"io:format(\"{ReadyMarker}~n\")",
        ]);
        args.AddRange(options.ExtraArgs);
        return args;
    }

    private async Task WaitUntilRegisteredAsync(EpmdProcess epmd, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"erl {Name} exited with {process.ExitCode}: {output}");
            }

            IReadOnlyList<EpmdNameEntry> names;
            try
            {
                names = await epmd.NamesAsync(cancellationToken);
            }
            catch (EpmdException)
            {
                names = [];
            }

            // Registered with EPMD happens during boot, before stdlib and the rest are started.
            if (names.Any(n => n.Name == Options.AliveName) && output.ToString().Contains(ReadyMarker, StringComparison.Ordinal))
            {
                return;
            }

            // A hang guard, not a speed limit: a node booting on a saturated machine may take a while.
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"erl {Name} did not register with epmd on {epmd.Port} within 90 s: {output}");
            }

            await Task.Delay(25, cancellationToken);
        }
    }
}
