using System.Diagnostics;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>Runs <c>promtool check metrics</c> (Debian package <c>prometheus</c>) on a text.</summary>
internal static class Promtool
{
    public static string Path()
    {
        foreach (var candidate in new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        Assert.Fail("promtool not found: install Debian package prometheus");
        return string.Empty;
    }

    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var start = new ProcessStartInfo(Path(), "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
