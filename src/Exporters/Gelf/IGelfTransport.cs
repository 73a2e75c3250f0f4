using Gateway.Core.Export;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Sends encoded GELF messages (uncompressed JSON; the transport compresses and frames them as its
/// protocol says) in order. Answers <see cref="DeliveryResult.Delivered"/>, or a retry/rejection with
/// how many messages at the head went through. One caller at a time.
/// </summary>
public interface IGelfTransport : IAsyncDisposable
{
    ValueTask<DeliveryResult> SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken);
}
