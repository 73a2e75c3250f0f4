namespace Gateway.Tests.Core.Outbox;

/// <summary>Polls a condition that background work makes true (no fixed sleeps, no timing assertions).</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what)
    {
        for (var i = 0; i < 2_000; i++)
        {
            if (condition())
            {
                return;
            }
            await Task.Delay(5);
        }
        Assert.Fail("never became true: " + what);
    }
}
