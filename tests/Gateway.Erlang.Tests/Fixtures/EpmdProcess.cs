using System.Diagnostics;
using Gateway.Erlang.Epmd;

namespace Gateway.Erlang.Tests.Fixtures;

/// <summary>
/// An <c>epmd</c> of our own on 127.0.0.1 and a free port, so tests never touch (or depend on) the
/// machine's EPMD on 4369. Killed on dispose.
/// </summary>
public sealed class EpmdProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly OutputCapture output;

    private EpmdProcess(Process process, OutputCapture output, int port)
    {
        this.process = process;
        this.output = output;
        Port = port;
    }

    public int Port { get; }

    public EpmdClient Client => new("127.0.0.1", Port);

    public static async Task<EpmdProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var epmd = ErlangTools.Epmd;
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // The port may be taken between probing and epmd binding it: then try another.
            var port = FreePort.Next();
            var info = new ProcessStartInfo(epmd)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-address", "127.0.0.1" })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start epmd.");
            ParentWatch.Guard(process.Id);
            var output = new OutputCapture();
            output.Attach(process);
            var started = new EpmdProcess(process, output, port);
            try
            {
                await started.WaitUntilReadyAsync(cancellationToken);
                return started;
            }
            catch (Exception e) when (e is EpmdException or TimeoutException)
            {
                last = e;
                await started.DisposeAsync();
            }
        }

        throw new InvalidOperationException("epmd did not start: " + last?.Message, last);
    }

    public Task<IReadOnlyList<EpmdNameEntry>> NamesAsync(CancellationToken cancellationToken = default) =>
        Client.NamesAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
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

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new EpmdException($"epmd exited with {process.ExitCode}: {output}");
            }

            try
            {
                await Client.NamesAsync(cancellationToken);
                return;
            }
            catch (EpmdException) when (clock.Elapsed < TimeSpan.FromSeconds(60)) // a hang guard, not a speed limit
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }
}
