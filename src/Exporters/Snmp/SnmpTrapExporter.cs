using System.Net;
using System.Net.Sockets;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Notifications;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Sends alarm and node events to one network management system as GATEWAY-MIB traps or informs.
/// One instance (and one outbox) per destination, so a dead NMS holds up only its own queue. It
/// never retries on its own: a trap handed to the socket, or an inform acknowledged, is delivered;
/// an empty rate-limit bucket, a send error or an unanswered inform is Retry (the outbox keeps the
/// events, across restarts too); an inform the receiver refuses (wrong credentials, unknown user,
/// error-status) is Reject, which dead-letters it. A batch goes in order and stops at the first failure;
/// the answer says how many events went through, so the outbox hands back only the rest.
/// </summary>
public sealed partial class SnmpTrapExporter : IEventExporter, IAsyncDisposable
{
    private readonly SnmpDestination _destination;
    private readonly SnmpEngine _engine;
    private readonly SnmpEventMapper _mapper;
    private readonly TokenBucket _bucket;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly ILogger _logger;
    private NotificationSender? _sender;

    public SnmpTrapExporter(
        SnmpDestination destination,
        SnmpEngine engine,
        SnmpEventMapper mapper,
        TimeProvider time,
        ILogger<SnmpTrapExporter> logger,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _destination = destination;
        _engine = engine;
        _mapper = mapper;
        _bucket = new TokenBucket(destination.Rate, destination.Burst, time);
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
        _logger = logger;
    }

    public string Name => _destination.Name;

    public SnmpDestination Destination => _destination;

    /// <summary>Notifications handed to the socket (traps) or acknowledged (informs) since start.</summary>
    public long Sent { get; private set; }

    /// <summary>Times a batch was sent back to the outbox because the rate limit was reached.</summary>
    public long RateLimited { get; private set; }

    public bool Accepts(GatewayEvent e) => _mapper.Accepts(e);

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        // i events at the head are done (sent, or not for SNMP); a failure says so, and the outbox
        // acknowledges them and hands back only the rest.
        for (var i = 0; i < batch.Count; i++)
        {
            var notification = _mapper.Map(batch[i]);
            if (notification is null)
            {
                continue;
            }
            if (!_bucket.TryTake())
            {
                RateLimited++;
                // Wait until the rest of the batch fits (at most a full bucket), so the next attempt
                // gets through instead of failing again and tripping the outbox's breaker.
                var wanted = Math.Clamp(batch.Count - i, 1, _bucket.Burst);
                var after = _bucket.TimeUntilAvailable(wanted);
                return DeliveryResult.Retry($"rate limit of {_bucket.RatePerSecond}/s reached", after > TimeSpan.Zero ? after : TimeSpan.FromMilliseconds(1), delivered: i);
            }
            var sender = await GetSenderAsync(cancellationToken);
            if (sender is null)
            {
                return DeliveryResult.Retry($"cannot reach {_destination.Address}: no address or no socket", delivered: i);
            }
            var result = await sender.SendAsync(notification, cancellationToken);
            if (!result.Delivered)
            {
                if (result.Retryable)
                {
                    if (_destination.Address.Literal is null)
                    {
                        // A host name may have moved: resolve it again on the next attempt.
                        await DisposeAsync();
                    }
                    return DeliveryResult.Retry(result.Error ?? "not delivered", delivered: i);
                }
                LogRefused(Name, result.Error ?? "refused");
                return DeliveryResult.Reject(result.Error ?? "refused by the receiver", delivered: i);
            }
            Sent++;
        }
        return DeliveryResult.Delivered;
    }

    private async ValueTask<NotificationSender?> GetSenderAsync(CancellationToken cancellationToken)
    {
        if (_sender is not null)
        {
            return _sender;
        }
        var address = _destination.Address;
        var ip = address.Literal;
        if (ip is null)
        {
            try
            {
                var found = await _resolve(address.Host, cancellationToken);
                ip = found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? found.FirstOrDefault();
            }
            catch (SocketException ex)
            {
                LogResolveFailed(Name, address.Host, ex.Message);
                return null;
            }
            if (ip is null)
            {
                LogResolveFailed(Name, address.Host, "no address");
                return null;
            }
        }
        try
        {
            _sender = new NotificationSender(
                new NotificationTarget
                {
                    EndPoint = new IPEndPoint(ip, address.Port),
                    Version = _destination.Version,
                    Inform = _destination.Inform,
                    Community = _destination.Community,
                    User = _destination.User,
                    Timeout = _destination.Timeout,
                    Retries = _destination.Retries,
                },
                _engine);
        }
        catch (SocketException ex)
        {
            LogSocketFailed(Name, ex.Message);
            return null;
        }
        return _sender;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sender is not null)
        {
            await _sender.DisposeAsync();
            _sender = null;
        }
    }

    public override string ToString() => _destination.ToString();
}
