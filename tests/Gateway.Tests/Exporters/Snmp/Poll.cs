namespace Gateway.Tests.Exporters.Snmp;

/// <summary>Polls until background work makes a condition true (no fixed sleeps, no timing assertions).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1_500; i++)
        {
            if (condition())
            {
                return;
            }
            await Task.Delay(10);
        }
        Assert.Fail("never became true: " + what);
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int attempts = 100)
    {
        T last = default!;
        for (var i = 0; i < attempts; i++)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"never became true: {what}; last: {last}");
        return last;
    }
}
