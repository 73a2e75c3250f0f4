using Gateway.Core.Export;
using Gateway.Exporters.Gelf;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// The gateway's own log events to GELF: a Serilog batched sink (Serilog buffers, batches and retries
/// with backoff) over the GELF exporter's transports. A batch that fails part-way is retried by Serilog
/// from its start; the messages the transport already delivered are skipped then, so a retry does not
/// repeat them. A message the receiver can never take (too large, HTTP 4xx) is dropped and reported to
/// Serilog's SelfLog — never to the gateway's own log, which would feed the failure back into this sink.
/// </summary>
internal sealed class GelfLogSink : IBatchedLogEventSink, IDisposable
{
    private readonly IGelfTransport _transport;
    private readonly string _host;
    private readonly List<ReadOnlyMemory<byte>> _encoded = [];
    private LogEvent? _resumeBatch;
    private int _resumeAt;

    public GelfLogSink(IGelfTransport transport, string host)
    {
        _transport = transport;
        _host = host;
    }

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        var first = batch.FirstOrDefault();
        var start = ReferenceEquals(first, _resumeBatch) ? _resumeAt : 0;
        _resumeBatch = null;
        _encoded.Clear();
        foreach (var e in batch.Skip(start))
        {
            _encoded.Add(GelfJsonEncoder.Encode(LogEventGelfMapper.Map(e, _host)));
        }
        var offset = 0;
        while (offset < _encoded.Count)
        {
            var rest = offset == 0 ? _encoded : _encoded.GetRange(offset, _encoded.Count - offset);
            var result = await _transport.SendAsync(rest, CancellationToken.None);
            switch (result)
            {
                case DeliveryResult.RetryResult retry:
                    _resumeBatch = first;
                    _resumeAt = start + offset + retry.DeliveredCount;
                    throw new IOException("GELF log sink: " + retry.Reason);
                case DeliveryResult.RejectedResult rejected:
                    SelfLog.WriteLine("GELF log sink dropped a log event: {0}", rejected.Reason);
                    offset += rejected.DeliveredCount + 1;
                    break;
                default:
                    offset = _encoded.Count;
                    break;
            }
        }
        _encoded.Clear();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => _transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
