namespace Gateway.Exporters.Kafka;

/// <summary>
/// Keeps secrets of the librdkafka configuration (SASL and key-store passwords, OAUTHBEARER settings,
/// private keys) out of every log line and error text: <see cref="Redact"/> replaces each secret value
/// with <c>***</c>. Config values are never logged to begin with; this catches librdkafka and
/// Confluent.Kafka messages that quote them.
/// </summary>
public sealed class KafkaSecrets
{
    public const string Mask = "***";

    private readonly string[] _values;

    public KafkaSecrets(IEnumerable<KeyValuePair<string, string>> config)
    {
        // Longest first, so that a secret containing another is masked whole.
        _values = config.Where(p => IsSecret(p.Key) && !string.IsNullOrEmpty(p.Value))
            .Select(p => p.Value)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();
    }

    /// <summary>Whether a librdkafka property holds a secret.</summary>
    public static bool IsSecret(string key)
    {
        var k = key.Trim().ToLowerInvariant();
        return k.Contains("password", StringComparison.Ordinal)
            || k.Contains("secret", StringComparison.Ordinal)
            || k.StartsWith("sasl.oauthbearer.", StringComparison.Ordinal)
            || k.StartsWith("sasl.jaas", StringComparison.Ordinal)
            || k is "ssl.key.pem" or "ssl_key";
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }
        foreach (var secret in _values)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
