using System.Diagnostics;

namespace Gateway.Snmp.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs a command-line tool to completion with a fresh SNMP_PERSISTENT_DIR.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var persistent = Directory.CreateTempSubdirectory("gw-snmp-tool-").FullName;
        psi.Environment["SNMP_PERSISTENT_DIR"] = persistent;
        psi.Environment["SNMPCONFPATH"] = persistent;
        psi.Environment["HOME"] = persistent;
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish");
        }

        var result = new ProcessResult(process.ExitCode, await stdout, await stderr);
        try
        {
            Directory.Delete(persistent, recursive: true);
        }
        catch (IOException)
        {
        }

        return result;
    }
}
