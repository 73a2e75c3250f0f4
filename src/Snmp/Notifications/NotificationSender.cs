using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gateway.Snmp.Ber;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Notifications;

/// <summary>
/// Sends notifications to one destination over one connected UDP socket. Traps are fire-and-forget
/// (encoded into a reused buffer and sent inline, so a trap costs no allocation beyond its varbinds);
/// informs wait for the Response with timeout and retransmissions, and for v3 first discover the
/// receiver's engine ID, boots and time (RFC 3414 §4) and re-synchronise on notInTimeWindow reports.
/// Durable retry across restarts is the caller's (the exporter outbox).
/// </summary>
public sealed class NotificationSender : IAsyncDisposable, IDisposable
{
    private const int MaxResyncs = 2;

    private readonly NotificationTarget _target;
    private readonly SnmpEngine _engine;
    private readonly TimeProvider _time;
    private readonly Socket _socket;
    private readonly object _encodeGate = new();
    private readonly BerWriter _writer = new(1500);
    private readonly V3MessageEncoder _v3 = new();
    private readonly byte[] _community;
    private readonly byte[] _contextName;
    private readonly TrapEncoder _trapEncoder;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<Received>> _pending = new();
    private readonly SemaphoreSlim _discoveryGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiveLoop;
    private RemoteEngine? _remote;
    private int _nextId = RandomNumberGenerator.GetInt32(1, int.MaxValue / 2);
    private long _sent;
    private long _sendErrors;
    private long _droppedIncoming;
    private long _timeResyncs;
    private long _rediscoveries;

    public NotificationSender(NotificationTarget target, SnmpEngine engine)
    {
        if (target.Version == SnmpVersion.V3 && target.User is null)
        {
            throw new ArgumentException("a v3 target needs a USM user", nameof(target));
        }

        if (target.Version == SnmpVersion.V1 && target.Inform)
        {
            throw new ArgumentException("SNMPv1 has no informs", nameof(target));
        }

        _target = target;
        _engine = engine;
        _time = engine.TimeProvider;
        _community = Encoding.UTF8.GetBytes(target.Community);
        _contextName = Encoding.UTF8.GetBytes(target.ContextName);
        _socket = new Socket(target.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Connect(target.EndPoint);
        _trapEncoder = new TrapEncoder(target, engine);
    }

    public NotificationTarget Target => _target;

    /// <summary>Datagrams handed to the socket.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Datagrams the socket refused (for example ICMP port unreachable from an earlier send).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Times a v3 inform receiver's boots/time were re-learned from a notInTimeWindow report.</summary>
    public long TimeResyncs => Interlocked.Read(ref _timeResyncs);

    /// <summary>Times a v3 inform receiver answered unknownEngineID and its engine was discovered again (it got a new engine ID).</summary>
    public long Rediscoveries => Interlocked.Read(ref _rediscoveries);

    /// <summary>Incoming datagrams that were malformed or matched no pending inform.</summary>
    public long DroppedIncoming => Interlocked.Read(ref _droppedIncoming);

    /// <summary>Sends the notification the way the target is configured: a trap, or an inform awaited.</summary>
    public async ValueTask<NotificationResult> SendAsync(SnmpNotification notification, CancellationToken cancellationToken = default)
    {
        if (_target.Inform)
        {
            return await SendInformAsync(notification, cancellationToken);
        }

        return SendTrap(notification) ? NotificationResult.Success(1) : NotificationResult.Failure(1, "the UDP send failed");
    }

    /// <summary>Fire-and-forget trap; completes synchronously (a UDP send does not wait for the peer).</summary>
    public ValueTask SendTrapAsync(SnmpNotification notification, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SendTrap(notification);
        return ValueTask.CompletedTask;
    }

    /// <summary>Encodes and sends one trap; false when the socket reported an error.</summary>
    public bool SendTrap(SnmpNotification notification)
    {
        lock (_encodeGate)
        {
            return Send(_trapEncoder.Encode(notification, NextId()));
        }
    }

    /// <summary>Sends an InformRequest and waits for its Response, retransmitting on timeout.</summary>
    public async Task<NotificationResult> SendInformAsync(SnmpNotification notification, CancellationToken cancellationToken = default)
    {
        if (_target.Version == SnmpVersion.V1)
        {
            return NotificationResult.Rejected(0, "SNMPv1 has no informs");
        }

        EnsureReceiving();
        return _target.Version == SnmpVersion.V2c
            ? await SendInformV2cAsync(notification, cancellationToken)
            : await SendInformV3Async(notification, cancellationToken);
    }

    private async Task<NotificationResult> SendInformV2cAsync(SnmpNotification notification, CancellationToken cancellationToken)
    {
        int requestId = NextId();
        var tcs = Register(requestId);
        try
        {
            byte[] datagram;
            lock (_encodeGate)
            {
                _writer.Reset();
                SnmpMessageCodec.WriteCommunity(_writer, SnmpVersion.V2c, _community, new NotificationPduWriter(PduType.InformRequest, requestId, _engine.SysUpTime, notification));
                datagram = _writer.WrittenSpan.ToArray();
            }

            int attempts = 0;
            while (attempts <= _target.Retries)
            {
                attempts++;
                Send(datagram);
                var received = await WaitAsync(tcs.Task, cancellationToken);
                if (received is { Message: CommunityMessage { Pdu: SnmpPdu { Type: PduType.Response } response } })
                {
                    return response.ErrorStatus == 0
                        ? NotificationResult.Success(attempts)
                        : NotificationResult.Rejected(attempts, $"the receiver answered {(ErrorStatus)response.ErrorStatus}");
                }
            }

            return NotificationResult.Failure(attempts, "no response");
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private async Task<NotificationResult> SendInformV3Async(SnmpNotification notification, CancellationToken cancellationToken)
    {
        var user = _target.User!;
        int requestId = NextId();
        int attempts = 0;
        int resyncs = 0;
        bool rediscovered = false;
        var remote = _remote ?? await DiscoverAsync(cancellationToken);
        if (remote is null)
        {
            return NotificationResult.Failure(0, "engine discovery got no answer");
        }

        while (attempts <= _target.Retries)
        {
            attempts++;
            var keys = user.Level == SecurityLevel.NoAuthNoPriv ? null : user.Localize(remote.EngineId);
            int messageId = NextId();
            var tcs = Register(messageId);
            try
            {
                lock (_encodeGate)
                {
                    int elapsed = (int)_time.GetElapsedTime(remote.LearnedAt).TotalSeconds;
                    var envelope = new V3Envelope(messageId, remote.EngineId, remote.Boots, remote.Time + elapsed, user.Level, Reportable: true);
                    var pdu = new NotificationPduWriter(PduType.InformRequest, requestId, _engine.SysUpTime, notification);
                    _v3.Encode(_writer, envelope, user, keys, _engine.EngineId, _contextName, pdu);
                    Send(_writer.WrittenSpan);
                }

                var received = await WaitAsync(tcs.Task, cancellationToken);
                if (received is null || received.Message is not V3Message reply)
                {
                    continue;
                }

                var status = UsmIncoming.Unprotect(reply, received.Raw, keys, out var scoped);
                if (scoped is null)
                {
                    // A reply we cannot authenticate proves nothing; treat it as lost.
                    continue;
                }

                if (scoped.Pdu.Type == PduType.Response && status == UsmStatus.Ok && UsmIncoming.LevelOf(reply.Flags) == user.Level)
                {
                    var response = (SnmpPdu)scoped.Pdu;
                    return response.ErrorStatus == 0
                        ? NotificationResult.Success(attempts)
                        : NotificationResult.Rejected(attempts, $"the receiver answered {(ErrorStatus)response.ErrorStatus}");
                }

                if (scoped.Pdu.Type != PduType.Report || scoped.Pdu.VarBinds.Count == 0)
                {
                    continue;
                }

                var reportOid = scoped.Pdu.VarBinds[0].Oid;
                bool authenticated = status == UsmStatus.Ok && (UsmIncoming.LevelOf(reply.Flags) != SecurityLevel.NoAuthNoPriv || user.Level == SecurityLevel.NoAuthNoPriv);
                if (reportOid == SnmpOids.UsmStatsNotInTimeWindows0 && authenticated && resyncs < MaxResyncs)
                {
                    // RFC 3414 §3.2 step 7b: an authenticated report carries the receiver's clock.
                    resyncs++;
                    attempts--;
                    Interlocked.Increment(ref _timeResyncs);
                    remote = new RemoteEngine(remote.EngineId, reply.Security.AuthoritativeEngineBoots, reply.Security.AuthoritativeEngineTime, _time.GetTimestamp());
                    _remote = remote;
                    continue;
                }

                if (reportOid == SnmpOids.UsmStatsUnknownEngineIds0 && !rediscovered)
                {
                    rediscovered = true;
                    attempts--;
                    Interlocked.Increment(ref _rediscoveries);
                    _remote = null;
                    remote = await DiscoverAsync(cancellationToken);
                    if (remote is null)
                    {
                        return NotificationResult.Failure(attempts, "engine discovery got no answer");
                    }

                    continue;
                }

                return NotificationResult.Rejected(attempts, $"the receiver reported {DescribeReport(reportOid)}");
            }
            finally
            {
                _pending.TryRemove(messageId, out _);
            }
        }

        return NotificationResult.Failure(attempts, "no response");
    }

    /// <summary>RFC 3414 §4: a noAuthNoPriv request with an empty engine ID and user gets a Report carrying the receiver's engine ID, boots and time.</summary>
    private async Task<RemoteEngine?> DiscoverAsync(CancellationToken cancellationToken)
    {
        await _discoveryGate.WaitAsync(cancellationToken);
        try
        {
            if (_remote is not null)
            {
                return _remote;
            }

            for (int attempt = 0; attempt <= _target.Retries; attempt++)
            {
                int messageId = NextId();
                var tcs = Register(messageId);
                try
                {
                    lock (_encodeGate)
                    {
                        var envelope = new V3Envelope(messageId, [], 0, 0, SecurityLevel.NoAuthNoPriv, Reportable: true);
                        var probe = new SnmpPdu(PduType.GetRequest, NextId(), 0, 0, []);
                        _v3.Encode(_writer, envelope, null, null, [], [], probe);
                        Send(_writer.WrittenSpan);
                    }

                    var received = await WaitAsync(tcs.Task, cancellationToken);
                    if (received?.Message is V3Message { ScopedPdu.Pdu.Type: PduType.Report } report &&
                        report.Security.AuthoritativeEngineId.Length >= 5)
                    {
                        var s = report.Security;
                        _remote = new RemoteEngine(s.AuthoritativeEngineId, s.AuthoritativeEngineBoots, s.AuthoritativeEngineTime, _time.GetTimestamp());
                        return _remote;
                    }
                }
                finally
                {
                    _pending.TryRemove(messageId, out _);
                }
            }

            return null;
        }
        finally
        {
            _discoveryGate.Release();
        }
    }

    private bool Send(ReadOnlySpan<byte> datagram)
    {
        try
        {
            _socket.Send(datagram, SocketFlags.None);
            Interlocked.Increment(ref _sent);
            return true;
        }
        catch (SocketException)
        {
            // ICMP port unreachable from an earlier datagram surfaces on the next call; a trap is lost either way.
            Interlocked.Increment(ref _sendErrors);
            return false;
        }
    }

    private TaskCompletionSource<Received> Register(int id)
    {
        var tcs = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        return tcs;
    }

    private async Task<Received?> WaitAsync(Task<Received> task, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(_target.Timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private void EnsureReceiving()
    {
        if (_receiveLoop is null)
        {
            lock (_encodeGate)
            {
                _receiveLoop ??= Task.Run(ReceiveLoopAsync);
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                var raw = buffer.AsSpan(0, n).ToArray();
                var message = SnmpMessageCodec.Decode(raw);
                int key = message switch
                {
                    CommunityMessage { Pdu: SnmpPdu p } => p.RequestId,
                    V3Message v3 => v3.MessageId,
                    _ => -1,
                };
                if (_pending.TryGetValue(key, out var tcs))
                {
                    tcs.TrySetResult(new Received(message, raw));
                }
                else
                {
                    Interlocked.Increment(ref _droppedIncoming);
                }
            }
            catch (SnmpDecodeException)
            {
                Interlocked.Increment(ref _droppedIncoming);
            }
        }
    }

    private int NextId() => Interlocked.Increment(ref _nextId) & int.MaxValue;

    private static string DescribeReport(ObjectIdentifier oid)
    {
        if (oid == SnmpOids.UsmStatsUnknownUserNames0)
        {
            return "usmStatsUnknownUserNames";
        }

        if (oid == SnmpOids.UsmStatsWrongDigests0)
        {
            return "usmStatsWrongDigests (wrong authentication passphrase?)";
        }

        if (oid == SnmpOids.UsmStatsDecryptionErrors0)
        {
            return "usmStatsDecryptionErrors (wrong privacy passphrase?)";
        }

        if (oid == SnmpOids.UsmStatsUnsupportedSecLevels0)
        {
            return "usmStatsUnsupportedSecLevels";
        }

        if (oid == SnmpOids.UsmStatsNotInTimeWindows0)
        {
            return "usmStatsNotInTimeWindows";
        }

        return oid.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        if (_receiveLoop is not null)
        {
            await _receiveLoop;
        }

        _stop.Dispose();
        _discoveryGate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record Received(SnmpMessage Message, byte[] Raw);
}
