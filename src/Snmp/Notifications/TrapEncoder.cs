using System.Text;
using Gateway.Snmp.Ber;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Notifications;

/// <summary>
/// Encodes traps for one target into a reused buffer: v1 (RFC 3584 translation), v2c, or v3 with
/// our engine as the authoritative one (keys localized once, HMAC pads and AES key schedule kept).
/// Not thread-safe; the returned span is valid until the next call.
/// </summary>
public sealed class TrapEncoder
{
    private readonly NotificationTarget _target;
    private readonly SnmpEngine _engine;
    private readonly BerWriter _writer = new(1500);
    private readonly V3MessageEncoder _v3 = new();
    private readonly byte[] _community;
    private readonly byte[] _contextName;
    private readonly UsmLocalizedKeys? _keys;

    public TrapEncoder(NotificationTarget target, SnmpEngine engine)
    {
        if (target.Version == SnmpVersion.V3 && target.User is null)
        {
            throw new ArgumentException("a v3 target needs a USM user", nameof(target));
        }

        _target = target;
        _engine = engine;
        _community = Encoding.UTF8.GetBytes(target.Community);
        _contextName = Encoding.UTF8.GetBytes(target.ContextName);
        if (target.Version == SnmpVersion.V3 && target.User!.Level != SecurityLevel.NoAuthNoPriv)
        {
            _keys = target.User.Localize(engine.EngineId);
        }
    }

    public ReadOnlySpan<byte> Encode(SnmpNotification notification, int requestId)
    {
        _writer.Reset();
        switch (_target.Version)
        {
            case SnmpVersion.V1:
                var v1 = V1TrapTranslation.ToTrapV1(notification, _engine.SysUpTime, _target.V1AgentAddress);
                SnmpMessageCodec.WriteCommunity(_writer, SnmpVersion.V1, _community, v1);
                break;
            case SnmpVersion.V2c:
                SnmpMessageCodec.WriteCommunity(_writer, SnmpVersion.V2c, _community, new NotificationPduWriter(PduType.SnmpV2Trap, requestId, _engine.SysUpTime, notification));
                break;
            default:
                var envelope = new V3Envelope(requestId, _engine.EngineId, _engine.Boots, _engine.EngineTime, _target.User!.Level, Reportable: false);
                _v3.Encode(_writer, envelope, _target.User, _keys, _engine.EngineId, _contextName, new NotificationPduWriter(PduType.SnmpV2Trap, requestId, _engine.SysUpTime, notification));
                break;
        }

        return _writer.WrittenSpan;
    }
}
