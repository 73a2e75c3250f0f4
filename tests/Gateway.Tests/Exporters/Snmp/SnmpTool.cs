using System.Diagnostics;

namespace Gateway.Tests.Exporters.Snmp;

internal sealed record ToolResult(int ExitCode, string StdOut, string StdErr)
{
    public string[] Lines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs a net-snmp command-line tool to completion with a fresh SNMP_PERSISTENT_DIR.</summary>
internal static class SnmpTool
{
    public static async Task<ToolResult> RunAsync(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        var persistent = Directory.CreateTempSubdirectory("gw-snmp-tool-").FullName;
        psi.Environment["SNMP_PERSISTENT_DIR"] = persistent;
        psi.Environment["SNMPCONFPATH"] = persistent;
        psi.Environment["HOME"] = persistent;
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Path.GetFileName(file)} did not finish");
            }
            return new ToolResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            try
            {
                Directory.Delete(persistent, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
