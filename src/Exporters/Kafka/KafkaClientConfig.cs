using System.Globalization;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// The librdkafka configuration the exporter's producer gets: the exporter's guarantees (idempotent,
/// <c>acks=all</c>), its keys (<c>brokers</c>, <c>compression</c>, <c>clientId</c>), a linger for
/// batching, a <c>message.timeout.ms</c> below the outbox's attempt timeout, then the user's
/// <c>config</c> map on top (it may tune anything except the guarantees, see the validator).
/// </summary>
public static class KafkaClientConfig
{
    /// <summary>Properties the exporter sets and the <c>config</c> map may not change.</summary>
    public static IReadOnlyDictionary<string, string> Fixed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["enable.idempotence"] = "true",
        ["acks"] = "all",
    };

    /// <summary>Names under which librdkafka takes the message timeout.</summary>
    public static IReadOnlyList<string> MessageTimeoutKeys { get; } = ["message.timeout.ms", "delivery.timeout.ms"];

    /// <summary>
    /// librdkafka's batching delay unless <c>config</c> sets <c>linger.ms</c>. The exporter hands over a
    /// whole outbox batch at once and then waits for its acknowledgements, so a long linger only adds to
    /// every batch; 1 ms still gathers the batch into one request per partition.
    /// </summary>
    public const int DefaultLingerMs = 1;

    public static Dictionary<string, string> Build(KafkaExporterOptions options)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = options.EffectiveBrokers?.Trim() ?? string.Empty,
            ["client.id"] = options.ClientId,
            ["compression.type"] = options.Compression.Trim().ToLowerInvariant(),
            ["linger.ms"] = DefaultLingerMs.ToString(CultureInfo.InvariantCulture),
            // A batch waits for its acknowledgements before the next one: Nagle's algorithm (with the
            // peer's delayed ACK) would hold the tail of a request back for tens of milliseconds.
            ["socket.nagle.disable"] = "true",
            // Reports only need the error: do not copy key, value and headers back into .NET objects.
            ["dotnet.producer.delivery.report.fields"] = "none",
            ["message.timeout.ms"] = DefaultMessageTimeoutMs(options.Outbox.AttemptTimeout).ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in options.Config)
        {
            if (key == "delivery.timeout.ms")
            {
                config.Remove("message.timeout.ms");
            }
            config[key] = value;
        }
        foreach (var (key, value) in Fixed)
        {
            config[key] = value;
        }
        return config;
    }

    /// <summary>
    /// Every delivery report must come back before the outbox abandons the attempt: 80 % of
    /// <c>outbox.attemptTimeout</c> (24 s of the default 30 s), at least 1 s.
    /// </summary>
    public static int DefaultMessageTimeoutMs(TimeSpan attemptTimeout) =>
        (int)Math.Clamp(attemptTimeout.TotalMilliseconds * 0.8, 1000, int.MaxValue);

    /// <summary>The message timeout in force for <paramref name="config"/> (built by <see cref="Build"/>).</summary>
    public static TimeSpan MessageTimeout(IReadOnlyDictionary<string, string> config)
    {
        foreach (var key in MessageTimeoutKeys)
        {
            if (config.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }
        return TimeSpan.FromMilliseconds(300_000);
    }
}
