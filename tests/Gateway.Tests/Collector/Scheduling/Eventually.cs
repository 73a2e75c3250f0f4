using System.Diagnostics;

namespace Gateway.Tests.Collector.Scheduling;

/// <summary>Polls for a condition produced by background work; the bound only guards against a hung test.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Limit)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }
            await Task.Delay(5);
        }
    }
}
