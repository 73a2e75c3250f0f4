using System.Diagnostics;

namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>POSIX signals for crash and hang tests, sent with kill(1) (no native interop needed).</summary>
public static class OsSignals
{
    public static void Send(int pid, string signal)
    {
        var info = new ProcessStartInfo("kill") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-" + signal);
        info.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot run kill(1).");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed: {process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open but it answers nothing.</summary>
    public static void Stop(int pid) => Send(pid, "STOP");

    public static void Continue(int pid) => Send(pid, "CONT");

    public static void Kill(int pid) => Send(pid, "KILL");
}
