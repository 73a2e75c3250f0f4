using System.Diagnostics;

namespace Gateway.Erlang.Tests.Terms;

/// <summary>Runs one <c>erl -noshell</c> with a script; each run costs ~0.3 s, so tests batch their work.</summary>
internal static class ErlRunner
{
    // Looked up on each use (not in a static initializer) so a missing erl fails each test with this message.
    public static string ErlPath => FindErl();

    /// <summary>Runs the Erlang expressions (a sequence ending in '.') in <paramref name="workDir"/> and returns stdout.</summary>
    public static string Run(string script, string workDir)
    {
        var psi = new ProcessStartInfo(ErlPath)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-noshell");
        psi.ArgumentList.Add("-eval");
        psi.ArgumentList.Add(script + " halt(0).");
        psi.Environment["ERL_CRASH_DUMP_SECONDS"] = "0";

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("erl did not start");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("erl did not finish in 120 s");
        }

        var stderr = stderrTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"erl exited with {process.ExitCode}:\n{stdout}\n{stderr}");
        }

        return stdout;
    }

    private static string FindErl()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "erl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("erl not found on PATH: install Debian package erlang-base");
    }
}
