using System.Diagnostics;
using System.Text.Json;

namespace Gateway.IntegrationTests.Kafka;

/// <summary>kcat (Debian package <c>kcat</c>) as the independent client that reads topics back.</summary>
public static class Kcat
{
    /// <summary>Every message of <paramref name="topic"/> from the beginning, in offset order per partition.</summary>
    public static async Task<IReadOnlyList<KafkaMessage>> ReadAllAsync(string brokers, string topic)
    {
        var info = new ProcessStartInfo(PeerBinaries.Require("kcat", "kcat"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-C", "-b", brokers, "-t", topic, "-o", "beginning", "-e", "-q", "-J" })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"kcat did not finish reading {topic} within 60 s: {await stderr}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kcat -C -t {topic} exited with {process.ExitCode}: {await stderr}");
        }
        var messages = new List<KafkaMessage>();
        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Array)
            {
                var items = h.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
                for (var i = 0; i + 1 < items.Length; i += 2)
                {
                    headers[items[i]] = items[i + 1];
                }
            }
            messages.Add(new KafkaMessage(
                root.GetProperty("topic").GetString()!,
                root.GetProperty("partition").GetInt32(),
                root.GetProperty("offset").GetInt64(),
                root.GetProperty("key").GetString(),
                root.GetProperty("payload").GetString(),
                headers));
        }
        return messages;
    }
}
