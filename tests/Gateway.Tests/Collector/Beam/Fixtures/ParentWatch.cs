using System.Diagnostics;
using System.Globalization;

namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>
/// A tiny shell loop that SIGKILLs a child once the test host is gone, for children that cannot watch
/// for themselves (epmd, or a node frozen with SIGSTOP). It ends by itself when the child ends.
/// </summary>
public static class ParentWatch
{
    public static void Guard(int childPid)
    {
        var host = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var child = childPid.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            $"while kill -0 {host} 2>/dev/null && kill -0 {child} 2>/dev/null; do sleep 1; done; kill -9 {child} 2>/dev/null; exit 0");
        _ = Process.Start(info) ?? throw new InvalidOperationException("Cannot start sh.");
    }
}
