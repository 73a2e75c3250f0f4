using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Erlang.Distribution;

/// <summary>
/// One established distribution connection after the handshake: 4-byte length framing, ticks both
/// ways, pass-through ('p') messages. One reader loop decodes and hands every signal to the
/// <c>onMessage</c> callback (on the reader's thread: keep it short and non-blocking); senders queue
/// frames, and one drain at a time writes them, coalescing whatever accumulated meanwhile.
/// </summary>
public sealed partial class DistributionConnection : IAsyncDisposable
{
    private const byte PassThrough = (byte)'p';

    private static readonly byte[] Tick = new byte[4];

    [ThreadStatic]
    private static FrameBuffer? scratch;

    private readonly Stream stream;
    private readonly TimeProvider time;
    private readonly TimeSpan tickTime;
    private readonly long maxFrameBytes;
    private readonly ILogger logger;
    private readonly Action<DistributionConnection, ControlMessage> onMessage;
    private readonly Lock sendGate = new();

    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource<ConnectionClosedInfo> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FrameBuffer pending = new();
    private FrameBuffer writing = new();
    private long lastReceived;
    private int sentSinceTick;

    // 1 while a drain is writing; guarded by sendGate when it goes back to 0.
    private int draining;
    private Task loops = Task.CompletedTask;

    /// <param name="stream">The connected stream the handshake ran on.</param>
    /// <param name="handshake">The handshake's outcome (peer name and negotiated flags).</param>
    /// <param name="tickTime">net_ticktime: we tick every quarter of it and give up on a peer silent for all of it.</param>
    /// <param name="maxFrameBytes">Largest message we accept; a bigger one is a protocol error.</param>
    /// <param name="onMessage">Receives every decoded signal, on the reader loop.</param>
    /// <param name="timeProvider">Clock for ticks.</param>
    /// <param name="logger">Where protocol problems are logged.</param>
    public DistributionConnection(
        Stream stream,
        HandshakeResult handshake,
        TimeSpan tickTime,
        long maxFrameBytes,
        Action<DistributionConnection, ControlMessage> onMessage,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handshake);
        ArgumentNullException.ThrowIfNull(onMessage);
        ArgumentOutOfRangeException.ThrowIfLessThan(tickTime, TimeSpan.FromMilliseconds(4));
        this.stream = stream;
        Handshake = handshake;
        PeerNode = ErlangAtom.Of(handshake.PeerNodeName);
        this.tickTime = tickTime;
        this.maxFrameBytes = maxFrameBytes;
        this.onMessage = onMessage;
        time = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        lastReceived = time.GetTimestamp();
    }

    public HandshakeResult Handshake { get; }

    public ErlangAtom PeerNode { get; }

    /// <summary>The flags both sides advertised.</summary>
    public DistributionFlags Flags => Handshake.Flags;

    /// <summary>Completes once, when the connection ends, with the reason.</summary>
    public Task<ConnectionClosedInfo> Closed => closed.Task;

    public bool IsOpen => !closed.Task.IsCompleted;

    /// <summary>Starts the reader, writer and ticker loops.</summary>
    public void Start()
    {
        // The tick timer starts now, not whenever its loop first runs, so ticks keep a steady beat.
        var ticker = new PeriodicTimer(tickTime / 4, time);
        loops = Task.WhenAll(
            Task.Run(ReadLoopAsync),
            Task.Run(() => TickLoopAsync(ticker)));
    }

    /// <summary>
    /// Queues a signal for sending; the writer loop flushes it. Signals from one caller keep their
    /// order. Never blocks on the network.
    /// </summary>
    /// <exception cref="ErlangConnectionException">The connection is closed.</exception>
    public void Send(ControlMessage message)
    {
        ThrowIfClosed();
        // Encode outside the lock so concurrent senders only serialize on the copy.
        var buffer = scratch ??= new FrameBuffer();
        buffer.Clear();
        buffer.GetSpan(4);
        buffer.Advance(4);
        ControlMessageCodec.Encode(message, buffer);
        var frame = buffer.WrittenSpan;
        if (frame.Length - 4 > maxFrameBytes)
        {
            throw new ArgumentException($"The message is {frame.Length - 4} bytes; at most {maxFrameBytes} are allowed.", nameof(message));
        }

        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(frame.Length - 4));
        lock (sendGate)
        {
            pending.Write(frame);
        }

        Volatile.Write(ref sentSinceTick, 1);
        StartDrain();
    }

    /// <summary>Closes the connection (reason <see cref="ConnectionCloseReason.LocalClose"/>) and waits for its loops.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(new ConnectionClosedInfo(ConnectionCloseReason.LocalClose, "closed locally"));
        try
        {
            await loops;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The loops end by cancellation or a broken stream; the reason is already recorded.
        }

        stopping.Dispose();
    }

    private void ThrowIfClosed()
    {
        if (closed.Task.IsCompleted)
        {
            var info = closed.Task.Result;
            throw new ErlangConnectionException(PeerNode.Name, $"The connection to {PeerNode.Name} is closed ({info.Description}).", info);
        }
    }

    private void Close(ConnectionClosedInfo info)
    {
        if (!closed.TrySetResult(info))
        {
            return;
        }

        if (info.Reason != ConnectionCloseReason.LocalClose)
        {
            LogClosed(logger, PeerNode.Name, info.Reason, info.Description);
        }

        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        stream.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        // Zero-byte reads: an idle connection (most of 10,000 between two cycles) holds no read buffer,
        // 31 KiB per node instead of 90 KiB in the load simulator (docs/benchmarks-beam-load.md).
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 65536, minimumReadSize: 16384, leaveOpen: true, useZeroByteReads: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(stopping.Token);
                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    // Any byte counts as a sign of life, so a slowly arriving big message is no timeout.
                    Volatile.Write(ref lastReceived, time.GetTimestamp());
                }

                while (TryReadFrame(ref buffer, out var frame))
                {
                    if (!frame.IsEmpty)
                    {
                        Dispatch(frame);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    Close(new ConnectionClosedInfo(ConnectionCloseReason.ConnectionClosed, "connection closed by peer"));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Close(new ConnectionClosedInfo(ConnectionCloseReason.ConnectionClosed, "connection closed: " + e.Message, e));
        }
        catch (ErlangDistributionException e)
        {
            Close(new ConnectionClosedInfo(ConnectionCloseReason.ProtocolError, e.Message, e));
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > maxFrameBytes)
        {
            throw new ErlangDistributionException($"Node {PeerNode.Name} sent a {length}-byte message; the limit is {maxFrameBytes}.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        frame = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private void Dispatch(ReadOnlySequence<byte> frame)
    {
        ControlMessage message;
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> span;
            if (frame.IsSingleSegment)
            {
                span = frame.FirstSpan;
            }
            else
            {
                rented = ArrayPool<byte>.Shared.Rent((int)frame.Length);
                frame.CopyTo(rented);
                span = rented.AsSpan(0, (int)frame.Length);
            }

            if (span[0] != PassThrough)
            {
                // We advertised neither the atom cache nor fragments, so a conforming peer sends only 'p'.
                throw new ErlangDistributionException($"Node {PeerNode.Name} sent a message of type {span[0]}; only pass-through ('p') was negotiated.");
            }

            message = ControlMessageCodec.Decode(span[1..]);
        }
        catch (TermFormatException e)
        {
            // One term we cannot read should not cost every other caller the connection.
            LogUndecodable(logger, PeerNode.Name, frame.Length, e.Message);
            return;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        try
        {
            onMessage(this, message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogHandlerFailed(logger, PeerNode.Name, message.Operation, e);
        }
    }

    private void StartDrain()
    {
        if (Interlocked.Exchange(ref draining, 1) == 0)
        {
            _ = DrainAsync();
        }
    }

    // Runs on the sender's thread until a write would block: an idle connection sends at once, without
    // a hop to a writer thread, and whatever queues up meanwhile goes out in the next single write.
    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                lock (sendGate)
                {
                    (pending, writing) = (writing, pending);
                    if (writing.Count == 0)
                    {
                        Volatile.Write(ref draining, 0);
                        return;
                    }
                }

                await stream.WriteAsync(writing.WrittenMemory, stopping.Token);
                writing.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            Close(new ConnectionClosedInfo(ConnectionCloseReason.ConnectionClosed, "write failed: " + e.Message, e));
        }
    }

    private async Task TickLoopAsync(PeriodicTimer timer)
    {
        using var owned = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                var silent = time.GetElapsedTime(Volatile.Read(ref lastReceived));
                if (silent >= tickTime)
                {
                    Close(new ConnectionClosedInfo(
                        ConnectionCloseReason.TickTimeout,
                        $"no data or tick from the node for {silent.TotalSeconds:0.#} s (net_ticktime {tickTime.TotalSeconds:0.#} s)"));
                    return;
                }

                // Like net_kernel: tick only when nothing else went out during the last quarter.
                if (Interlocked.Exchange(ref sentSinceTick, 0) == 0)
                {
                    lock (sendGate)
                    {
                        pending.Write(Tick);
                    }

                    StartDrain();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
