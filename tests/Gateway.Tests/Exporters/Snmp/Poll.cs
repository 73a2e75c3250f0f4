using System.Diagnostics;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>
/// Polls until background work makes a condition true (no fixed sleeps, no timing assertions). The
/// bound is a 60 s hang guard in wall-clock time, not a count of tries: on a busy machine each try
/// takes longer, and a count would shrink the guard to whatever the machine's speed allows.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > HangGuard)
            {
                Assert.Fail("never became true: " + what);
            }
            await Task.Delay(10);
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var last = await probe();
            if (done(last))
            {
                return last;
            }
            if (watch.Elapsed > HangGuard)
            {
                Assert.Fail($"never became true: {what}; last: {last}");
            }
            await Task.Delay(50);
        }
    }
}
