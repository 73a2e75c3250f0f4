namespace Gateway.IntegrationTests.Peers;

/// <summary>Waits for a condition by polling (never a fixed sleep), failing with a description on time-out.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, Func<string>? diagnostics = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var value = await probe();
                if (value is not null)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
            {
                last = e;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out after {timeout.TotalSeconds:0}s waiting for {what}" +
            (last is null ? string.Empty : $" (last error: {last.Message})") +
            (diagnostics is null ? string.Empty : Environment.NewLine + diagnostics()));
    }

    public static Task UntilAsync(Func<Task<bool>> probe, TimeSpan timeout, string what, Func<string>? diagnostics = null) =>
        UntilAsync<object>(async () => await probe() ? new object() : null, timeout, what, diagnostics);
}
