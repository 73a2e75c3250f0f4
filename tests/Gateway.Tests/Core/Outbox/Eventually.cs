using System.Diagnostics;

namespace Gateway.Tests.Core.Outbox;

/// <summary>
/// Polls a condition that background work makes true (no fixed sleeps, no timing assertions). The
/// bound is a 30 s hang guard in wall-clock time, not a count of tries that a busy machine would shorten.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static async Task True(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > HangGuard)
            {
                Assert.Fail("never became true: " + what);
            }
            await Task.Delay(5);
        }
    }
}
