using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Sends alarm events, notifications and node events to Graylog (or any GELF receiver) as GELF 1.1
/// messages (<see cref="GelfEventMapper"/>, <see cref="GelfJsonEncoder"/>) over the transport its
/// endpoint names. Retries, backoff and dead letters are the outbox's: a failed send answers how many
/// events at the head of the batch went through.
/// </summary>
public sealed partial class GelfExporter : IEventExporter, IAsyncDisposable
{
    private readonly IGelfTransport _transport;
    private readonly ILogger _logger;
    private readonly List<ReadOnlyMemory<byte>> _encoded = [];
    private bool _announced;

    public GelfExporter(GelfEndpoint endpoint, GelfCompression compression, IGelfTransport transport, ILogger<GelfExporter> logger)
    {
        Endpoint = endpoint;
        Compression = compression;
        _transport = transport;
        _logger = logger;
    }

    public string Name => "gelf";

    public GelfEndpoint Endpoint { get; }

    public GelfCompression Compression { get; }

    public bool Accepts(GatewayEvent e) => true;

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        if (!_announced)
        {
            _announced = true;
            LogSending(Endpoint, Compression);
        }
        _encoded.Clear();
        foreach (var e in batch)
        {
            _encoded.Add(GelfJsonEncoder.Encode(GelfEventMapper.Map(e)));
        }
        try
        {
            return await _transport.SendAsync(_encoded, cancellationToken);
        }
        finally
        {
            _encoded.Clear();
        }
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
