using System.Diagnostics;

namespace Gateway.Erlang.Tests.Fixtures;

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

    /// <summary>
    /// Freezes the process (SIGSTOP) and returns once every thread of it is stopped: its sockets stay
    /// open but it answers nothing. kill(2) returning is not enough: the group stop begins when one
    /// thread takes the signal, and on a saturated machine that thread may wait for a CPU while the
    /// others go on working (a node answered a whole RPC after kill -STOP had returned).
    /// </summary>
    public static async Task StopAsync(int pid)
    {
        Send(pid, "STOP");
        var clock = Stopwatch.StartNew();
        while (!AllThreadsStopped(pid))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"process {pid} did not stop within 60 s of SIGSTOP");
            }
            await Task.Delay(5);
        }
    }

    public static void Continue(int pid) => Send(pid, "CONT");

    public static void Kill(int pid) => Send(pid, "KILL");

    // /proc/PID/task/TID/stat: "TID (comm) S ...", where S is T once the thread is stopped. The comm
    // may hold spaces and parentheses, so the state is read after the last ')'.
    private static bool AllThreadsStopped(int pid)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var state = stat.AsSpan(stat.LastIndexOf(')') + 1).TrimStart();
                if (state.IsEmpty || state[0] is not ('T' or 't'))
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a thread came or went while listing: look again
        }
    }
}
