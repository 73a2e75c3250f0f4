using System.Buffers;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Gateway.Core.Export;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// GELF over TCP (or TLS): each message followed by a 0 byte, uncompressed, on one kept connection.
/// "Delivered" means written and flushed to the connection; GELF TCP has no acknowledgement. Messages
/// are written in blocks of about 64 KiB: when a write fails, the messages of the blocks written before
/// count as delivered and the rest is retried on a new connection. A connection the receiver closed is
/// noticed by a reader that waits for the end of the stream (a GELF receiver never sends), so a
/// restarted receiver does not cost the first message written into the dead connection.
/// </summary>
public sealed class GelfTcpTransport : IGelfTransport
{
    private const int BlockBytes = 64 * 1024;

    private readonly GelfEndpoint _endpoint;
    private readonly TimeSpan _connectTimeout;
    private readonly int _maxMessageBytes;
    private readonly RemoteCertificateValidationCallback? _certificateCheck;
    private readonly ArrayBufferWriter<byte> _block = new(BlockBytes + 1024);
    private Connection? _connection;

    public GelfTcpTransport(GelfEndpoint endpoint, TimeSpan connectTimeout, int maxMessageBytes, GelfTlsOptions? tls)
    {
        _endpoint = endpoint;
        _connectTimeout = connectTimeout;
        _maxMessageBytes = maxMessageBytes;
        _certificateCheck = endpoint.Kind == GelfTransportKind.Tls ? GelfTlsValidation.Callback(tls) : null;
    }

    public async ValueTask<DeliveryResult> SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
    {
        var confirmed = 0;
        var inBlock = 0;
        _block.ResetWrittenCount();
        try
        {
            if (_connection is { Closed: true })
            {
                await CloseAsync();
            }
            var connection = _connection ??= await ConnectAsync(cancellationToken);
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (message.Length > _maxMessageBytes)
                {
                    await connection.WriteAsync(_block.WrittenMemory, cancellationToken);
                    return DeliveryResult.Reject(
                        string.Create(CultureInfo.InvariantCulture, $"GELF message of {message.Length} bytes is over maxMessageBytes ({_maxMessageBytes})"),
                        delivered: i);
                }
                _block.Write(message.Span);
                _block.GetSpan(1)[0] = 0;
                _block.Advance(1);
                inBlock++;
                if (_block.WrittenCount >= BlockBytes)
                {
                    await connection.WriteAsync(_block.WrittenMemory, cancellationToken);
                    confirmed += inBlock;
                    inBlock = 0;
                    _block.ResetWrittenCount();
                }
            }
            await connection.WriteAsync(_block.WrittenMemory, cancellationToken);
            return DeliveryResult.Delivered;
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or ObjectDisposedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await CloseAsync();
            return DeliveryResult.Retry($"{Scheme} to {_endpoint}: {Reason(e)}", delivered: confirmed);
        }
        catch (OperationCanceledException)
        {
            // Cancelled mid-write: the connection may hold half a frame, so it cannot be used again.
            await CloseAsync();
            throw;
        }
        finally
        {
            if (_block.Capacity > 4 * BlockBytes)
            {
                _block.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private string Scheme => _endpoint.Kind == GelfTransportKind.Tls ? "tls" : "tcp";

    private static string Reason(Exception e) => e switch
    {
        SocketException s => s.SocketErrorCode.ToString(),
        IOException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        OperationCanceledException => "timed out",
        _ => e.Message,
    };

    private async Task<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connectTimeout);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(_endpoint.Host, _endpoint.Port, timeout.Token);
            Stream stream = client.GetStream();
            if (_endpoint.Kind == GelfTransportKind.Tls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = _endpoint.Host,
                    RemoteCertificateValidationCallback = _certificateCheck,
                }, timeout.Token);
            }
            return new Connection(client, stream);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async ValueTask CloseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>One connection and the reader that notices when the receiver closes it.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly TcpClient _client;
        private readonly Stream _stream;
        private readonly Task _reader;
        private volatile bool _closed;

        public Connection(TcpClient client, Stream stream)
        {
            _client = client;
            _stream = stream;
            _reader = Task.Run(ReadUntilClosedAsync);
        }

        /// <summary>
        /// Closed by the receiver: the reader saw the end, or the kernel already holds the FIN (readable
        /// with nothing to read) even if the reader has not run yet.
        /// </summary>
        public bool Closed => _closed || (_client.Client.Poll(0, SelectMode.SelectRead) && _client.Client.Available == 0);

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            if (bytes.Length == 0)
            {
                return;
            }
            if (_closed)
            {
                throw new IOException("the receiver closed the connection");
            }
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            _closed = true;
            await _stream.DisposeAsync();
            _client.Dispose();
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        private async Task ReadUntilClosedAsync()
        {
            var buffer = new byte[256];
            try
            {
                while (await _stream.ReadAsync(buffer) > 0)
                {
                    // A GELF receiver sends nothing; whatever comes is ignored.
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Reset or closed by us: either way the connection is done.
            }
            _closed = true;
        }
    }
}
