using System.Globalization;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// Validates the Kafka keys of <c>exporters.kafka</c> (the kit validates the common push keys after it);
/// every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. Finally the whole librdkafka
/// configuration is tried on a producer that is built and disposed at once, so an unknown property or a
/// bad value fails at start with its path. Secret values never appear in a message.
/// </summary>
public sealed partial class KafkaExporterOptionsValidator : IValidateOptions<KafkaExporterOptions>
{
    private static readonly string[] Compressions = ["none", "gzip", "snappy", "lz4", "zstd"];

    public ValidateOptionsResult Validate(string? name, KafkaExporterOptions options)
    {
        var errors = new List<string>();
        const string at = KafkaExporterOptions.YamlPath;
        ValidateBrokers(options, at, errors);
        ValidateTopics(options.Topics, at, errors);
        if (!string.Equals(options.Metrics.RecordPer?.Trim(), KafkaMetricsOptions.PerNode, StringComparison.OrdinalIgnoreCase) && !options.Metrics.IsPerFamily)
        {
            errors.Add($"{at}.metrics.recordPer: \"{options.Metrics.RecordPer}\" is not one of node, family");
        }
        if (!Compressions.Contains(options.Compression?.Trim().ToLowerInvariant()))
        {
            errors.Add($"{at}.compression: \"{options.Compression}\" is not one of {string.Join(", ", Compressions)}");
        }
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add($"{at}.clientId: must not be empty");
        }
        ValidateConfig(options, at, errors);
        if (errors.Count == 0)
        {
            TryClient(options, at, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateBrokers(KafkaExporterOptions options, string at, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(options.Brokers) && !string.IsNullOrWhiteSpace(options.BootstrapServers)
            && !string.Equals(options.Brokers.Trim(), options.BootstrapServers.Trim(), StringComparison.Ordinal))
        {
            errors.Add($"{at}.bootstrapServers: another name for brokers; give one of them");
            return;
        }
        var brokers = options.EffectiveBrokers;
        var key = string.IsNullOrWhiteSpace(options.Brokers) && !string.IsNullOrWhiteSpace(options.BootstrapServers) ? "bootstrapServers" : "brokers";
        if (string.IsNullOrWhiteSpace(brokers))
        {
            if (!options.Config.ContainsKey("bootstrap.servers"))
            {
                errors.Add($"{at}.brokers: must not be empty (host:port[,host:port…])");
            }
            return;
        }
        if (options.Config.ContainsKey("bootstrap.servers"))
        {
            errors.Add($"{at}.config.bootstrap.servers: give the servers once, in {at}.{key}");
        }
        foreach (var broker in brokers.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = Broker().Match(broker);
            if (!match.Success || !int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                errors.Add($"{at}.{key}: \"{broker}\" is not host:port");
            }
        }
    }

    private static void ValidateTopics(KafkaTopicsOptions topics, string at, List<string> errors)
    {
        var configured = topics.Configured().ToArray();
        if (configured.Length == 0)
        {
            errors.Add($"{at}.topics: set at least one of alarms, alarmState, notifications, nodes, metrics");
        }
        foreach (var (key, topic) in configured)
        {
            if (!TopicName().IsMatch(topic) || topic is "." or "..")
            {
                errors.Add($"{at}.topics.{key}: \"{topic}\" is not a Kafka topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')");
            }
        }
        if (topics.AlarmState is not null && topics.AlarmState == topics.Alarms)
        {
            errors.Add($"{at}.topics.alarmState: must differ from topics.alarms (it is compacted by alarm id: only the last state of each alarm is kept)");
        }
    }

    private static void ValidateConfig(KafkaExporterOptions options, string at, List<string> errors)
    {
        foreach (var (key, value) in KafkaClientConfig.Fixed)
        {
            if (options.Config.TryGetValue(key, out var given) && !string.Equals(given?.Trim(), value, StringComparison.OrdinalIgnoreCase)
                && !(key == "acks" && given?.Trim() == "-1"))
            {
                errors.Add($"{at}.config.{key}: is {value} here and cannot be changed (per-alarm order and no duplicates from retries rely on it)");
            }
        }
        foreach (var key in new[] { "transactional.id", "compression.codec" })
        {
            if (options.Config.ContainsKey(key))
            {
                errors.Add(key == "compression.codec"
                    ? $"{at}.config.{key}: set {at}.compression instead"
                    : $"{at}.config.{key}: transactions are not used by the exporter");
            }
        }
        var attempt = options.Outbox.AttemptTimeout;
        foreach (var key in KafkaClientConfig.MessageTimeoutKeys)
        {
            if (!options.Config.TryGetValue(key, out var text))
            {
                continue;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms < 1)
            {
                errors.Add($"{at}.config.{key}: \"{text}\" is not a positive number of milliseconds");
            }
            else if (attempt > TimeSpan.Zero && TimeSpan.FromMilliseconds(ms) >= attempt)
            {
                errors.Add($"{at}.config.{key}: {ms} ms must be below {at}.outbox.attemptTimeout ({attempt.TotalMilliseconds:0} ms), so that every delivery report arrives before the outbox abandons the attempt");
            }
        }
        if (options.Config.ContainsKey("message.timeout.ms") && options.Config.ContainsKey("delivery.timeout.ms"))
        {
            errors.Add($"{at}.config.delivery.timeout.ms: another name for message.timeout.ms; give one of them");
        }
    }

    // librdkafka checks names and values when the client is created: do it now, not at the first event.
    private static void TryClient(KafkaExporterOptions options, string at, List<string> errors)
    {
        var config = KafkaClientConfig.Build(options);
        var secrets = new KafkaSecrets(config);
        try
        {
            using var producer = new ProducerBuilder<byte[], byte[]?>(config)
                .SetLogHandler((_, _) => { })
                .SetErrorHandler((_, _) => { })
                .Build();
        }
        catch (Exception e) when (e is ArgumentException or KafkaException or InvalidOperationException)
        {
            errors.Add($"{at}.config: librdkafka refuses the configuration: {secrets.Redact(e.Message)}");
        }
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_]*://)?(\[[0-9A-Fa-f:.]+\]|[^:\s\[\]/]+):(?<port>[0-9]{1,5})$")]
    private static partial Regex Broker();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,249}$")]
    private static partial Regex TopicName();
}
