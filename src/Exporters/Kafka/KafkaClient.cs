using System.Text;
using Confluent.Kafka;
using Gateway.Core.Records;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// The exporter's one librdkafka producer (events and metrics share it): produces records with their
/// headers and routes each delivery report to a <see cref="KafkaDeliveryTracker"/>. librdkafka's own log
/// lines and errors go to the gateway's log, redacted (<see cref="KafkaSecrets"/>) and throttled. After
/// a fatal error (an idempotent producer cannot go on) the producer is replaced before the next record.
/// </summary>
public sealed partial class KafkaClient : IDisposable
{
    private static readonly TimeSpan RepeatLogAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FlushOnDispose = TimeSpan.FromSeconds(5);
    private static readonly byte[] SchemaVersionBytes = Encoding.ASCII.GetBytes(EventRecords.SchemaVersionText);
    private static readonly Dictionary<string, byte[]> TypeBytes =
        RecordTypeNames.All.ToDictionary(n => n, n => Encoding.ASCII.GetBytes(n), StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _config;
    private readonly string _exporter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);
    private IProducer<byte[], byte[]?>? _producer;
    private volatile bool _fatal;
    private bool _disposed;

    public KafkaClient(IReadOnlyDictionary<string, string> config, string exporter, TimeProvider time, ILogger logger)
    {
        _config = config;
        _exporter = exporter;
        _time = time;
        _logger = logger;
        Secrets = new KafkaSecrets(config);
        MessageTimeout = KafkaClientConfig.MessageTimeout(config);
    }

    public KafkaSecrets Secrets { get; }

    /// <summary>librdkafka's <c>message.timeout.ms</c>: every report arrives within it (plus a little).</summary>
    public TimeSpan MessageTimeout { get; }

    /// <summary>
    /// Produces <paramref name="record"/>; its report goes to <paramref name="tracker"/>'s
    /// <paramref name="slot"/>. A record refused at once (over <c>message.max.bytes</c>, queue full) is
    /// reported there too. Returns false when the local queue is full (stop producing, wait for reports).
    /// </summary>
    public bool Produce(in KafkaRecord record, KafkaDeliveryTracker tracker, int slot)
    {
        var message = new Message<byte[], byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(record.Key),
            Value = record.Value,
            Headers = new Headers
            {
                { RecordHeaders.EventId, Encoding.ASCII.GetBytes(record.Id.ToString("D")) },
                { RecordHeaders.RecordType, TypeBytes[record.RecordType] },
                { RecordHeaders.SchemaVersion, SchemaVersionBytes },
            },
        };
        var topic = record.Topic;
        tracker.Expect(slot);
        try
        {
            Producer().Produce(topic, message, report => tracker.Report(slot, report.Error.Code, topic, () => Secrets.Redact(report.Error.Reason)));
            return true;
        }
        catch (ProduceException<byte[], byte[]?> e)
        {
            tracker.Report(slot, e.Error.Code, topic, () => Secrets.Redact(e.Error.Reason));
            return e.Error.Code != ErrorCode.Local_QueueFull;
        }
        catch (Exception e) when (e is KafkaException or ObjectDisposedException or InvalidOperationException or ArgumentException)
        {
            var code = e is KafkaException k ? k.Error.Code : ErrorCode.Local_Fail;
            tracker.Report(slot, code, topic, () => Secrets.Redact(e.Message));
            return false;
        }
    }

    public void Dispose()
    {
        IProducer<byte[], byte[]?>? producer;
        lock (_lock)
        {
            _disposed = true;
            producer = _producer;
            _producer = null;
        }
        if (producer is null)
        {
            return;
        }
        try
        {
            // Reports still in flight: give them a moment, so that the outbox need not send them again.
            producer.Flush(FlushOnDispose);
        }
        catch (KafkaException)
        {
        }
        producer.Dispose();
    }

    private IProducer<byte[], byte[]?> Producer()
    {
        var producer = _producer;
        if (producer is not null && !_fatal)
        {
            return producer;
        }
        IProducer<byte[], byte[]?>? broken = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_producer is null || _fatal)
            {
                broken = _producer;
                _fatal = false;
                _producer = Build();
                if (broken is not null)
                {
                    LogProducerReplaced(_exporter);
                }
            }
            producer = _producer;
        }
        broken?.Dispose();
        return producer;
    }

    private IProducer<byte[], byte[]?> Build() =>
        new ProducerBuilder<byte[], byte[]?>(_config)
            .SetLogHandler((_, m) => OnLog(m))
            .SetErrorHandler((_, e) => OnError(e))
            .Build();

    private void OnLog(LogMessage m)
    {
        var level = m.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
            SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        if (!_logger.IsEnabled(level) || (level > LogLevel.Information && !ShouldLog("log:" + m.Facility)))
        {
            return;
        }
        var text = Secrets.Redact(m.Message);
        LogLibrdkafka(level, _exporter, m.Facility, text);
    }

    private void OnError(Error e)
    {
        if (e.IsFatal)
        {
            _fatal = true;
            LogFatal(_exporter, e.Code, Secrets.Redact(e.Reason));
        }
        else if (ShouldLog("error:" + e.Code))
        {
            LogClientError(_exporter, e.Code, Secrets.Redact(e.Reason));
        }
    }

    // A broker that is down makes librdkafka repeat the same complaint every second or so.
    private bool ShouldLog(string key)
    {
        var now = _time.GetUtcNow();
        lock (_lastLogged)
        {
            if (_lastLogged.TryGetValue(key, out var last) && now - last < RepeatLogAfter)
            {
                return false;
            }
            _lastLogged[key] = now;
            return true;
        }
    }
}
