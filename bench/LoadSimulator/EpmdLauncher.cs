using System.Diagnostics;
using System.Globalization;
using Gateway.Erlang.Epmd;

namespace LoadSimulator;

/// <summary>Starts <c>epmd -port P -address 127.0.0.1</c> as a child and waits until it accepts connections.</summary>
internal static class EpmdLauncher
{
    public static Process Start(int port)
    {
        var psi = new ProcessStartInfo("epmd") { UseShellExecute = false };
        foreach (var arg in new[] { "-port", port.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1" })
        {
            psi.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("epmd did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("epmd not found: install the Debian package erlang-base.", e);
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                // A real request, not a bare connect, which epmd logs as a partial packet.
                _ = new EpmdClient("127.0.0.1", port).NamesAsync().GetAwaiter().GetResult();
                return process;
            }
            catch (EpmdException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"epmd did not listen on 127.0.0.1:{port} within 5 s.");
    }
}
