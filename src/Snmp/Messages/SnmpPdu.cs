namespace Gateway.Snmp.Messages;

/// <summary>
/// The common PDU (RFC 3416 §3): Get, GetNext, Response, Set, InformRequest, SNMPv2-Trap, Report, and
/// GetBulk, whose non-repeaters and max-repetitions sit where error-status and error-index are.
/// </summary>
public sealed class SnmpPdu : Pdu
{
    public SnmpPdu(PduType type, int requestId, int errorStatus, int errorIndex, IReadOnlyList<VarBind> varBinds)
        : base(varBinds)
    {
        if (type == PduType.TrapV1)
        {
            throw new ArgumentException("use TrapV1Pdu for SNMPv1 traps", nameof(type));
        }

        Type = type;
        RequestId = requestId;
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
    }

    public override PduType Type { get; }

    public int RequestId { get; }

    public int ErrorStatus { get; }

    public int ErrorIndex { get; }

    public int NonRepeaters => ErrorStatus;

    public int MaxRepetitions => ErrorIndex;

    public static SnmpPdu Response(int requestId, ErrorStatus status, int errorIndex, IReadOnlyList<VarBind> varBinds) =>
        new(PduType.Response, requestId, (int)status, errorIndex, varBinds);
}
