using System.Security.Cryptography;
using System.Text;
using Gateway.Snmp.Ber;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Agent;

/// <summary>
/// The agent's protocol logic, free of sockets: one request datagram in, at most one response
/// datagram out. Not thread-safe (buffers are reused); <see cref="SnmpAgent"/> calls it from one loop.
/// </summary>
public sealed class AgentRequestHandler
{
    // RFC 3414 §3.2 step 7a: a message more than 150 s off our clock is a replay suspect.
    private const int TimeWindowSeconds = 150;

    private readonly SnmpEngine _engine;
    private readonly SnmpAgentOptions _options;
    private readonly IReadOnlyList<IMibTreeProvider> _providers;
    private readonly byte[]? _community;
    private readonly Dictionary<string, UsmUser> _users;
    private readonly BerWriter _writer = new(4096);
    private readonly V3MessageEncoder _v3 = new();
    private readonly MibSnapshot[] _snapshots;

    public AgentRequestHandler(SnmpEngine engine, SnmpAgentOptions options, IReadOnlyList<IMibTreeProvider> providers)
    {
        _engine = engine;
        _options = options;
        _providers = [.. providers, new SnmpCountersProvider(Counters)];
        _snapshots = new MibSnapshot[_providers.Count];
        _community = options.Community is null ? null : Encoding.UTF8.GetBytes(options.Community);
        _users = options.Users.ToDictionary(u => u.UserName, StringComparer.Ordinal);
        foreach (var user in options.Users)
        {
            if (user.Level != SecurityLevel.NoAuthNoPriv)
            {
                user.Localize(engine.EngineId);
            }
        }
    }

    public SnmpAgentCounters Counters { get; } = new();

    /// <summary>Processes one datagram; returns the response bytes (valid until the next call) or empty when nothing is to be sent.</summary>
    public ReadOnlySpan<byte> Handle(ReadOnlySpan<byte> datagram)
    {
        Interlocked.Increment(ref Counters.InPkts);
        SnmpMessage message;
        try
        {
            message = SnmpMessageCodec.Decode(datagram);
        }
        catch (SnmpDecodeException)
        {
            Interlocked.Increment(ref Counters.InAsnParseErrs);
            return [];
        }

        bool answered = message switch
        {
            CommunityMessage c => HandleCommunity(c),
            V3Message v3 => HandleV3(v3, datagram),
            _ => false,
        };
        if (!answered)
        {
            return [];
        }

        Interlocked.Increment(ref Counters.OutPkts);
        return _writer.WrittenSpan;
    }

    private bool HandleCommunity(CommunityMessage message)
    {
        if (message.Version != SnmpVersion.V2c || _community is null)
        {
            Interlocked.Increment(ref Counters.InBadVersions);
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(message.Community, _community))
        {
            Interlocked.Increment(ref Counters.InBadCommunityNames);
            return false;
        }

        if (message.Pdu is not SnmpPdu request)
        {
            Interlocked.Increment(ref Counters.InUnexpectedPdus);
            return false;
        }

        var response = Respond(request, _options.MaxMessageSize - message.Community.Length - 16);
        if (response is null)
        {
            return false;
        }

        _writer.Reset();
        SnmpMessageCodec.WriteCommunity(_writer, SnmpVersion.V2c, message.Community, response);
        return true;
    }

    private bool HandleV3(V3Message message, ReadOnlySpan<byte> raw)
    {
        if (message.SecurityModel != V3Message.UsmSecurityModel)
        {
            Interlocked.Increment(ref Counters.UnknownSecurityModels);
            return false;
        }

        var security = message.Security;
        bool reportable = (message.Flags & MessageFlags.Reportable) != 0;
        if (!security.AuthoritativeEngineId.AsSpan().SequenceEqual(_engine.EngineId))
        {
            // Discovery (RFC 3414 §4): tell the requester our engine ID, boots and time.
            Interlocked.Increment(ref Counters.UnknownEngineIds);
            return reportable && WriteReport(message, SnmpOids.UsmStatsUnknownEngineIds0, Counters.UnknownEngineIds, null, null);
        }

        if (!_users.TryGetValue(Encoding.UTF8.GetString(security.UserName), out var user))
        {
            // Deliberately silent (no report): unknown names are not confirmed to a prober.
            Interlocked.Increment(ref Counters.UnknownUserNames);
            return false;
        }

        var level = UsmIncoming.LevelOf(message.Flags);
        if (level != user.Level)
        {
            Interlocked.Increment(ref Counters.UnsupportedSecLevels);
            return false;
        }

        var keys = level == SecurityLevel.NoAuthNoPriv ? null : user.Localize(_engine.EngineId);
        if (keys is not null && !keys.Verify(raw, message.AuthenticationParametersOffset, security.AuthenticationParameters))
        {
            Interlocked.Increment(ref Counters.WrongDigests);
            return false;
        }

        if (keys is not null)
        {
            int now = _engine.EngineTime;
            if (security.AuthoritativeEngineBoots != _engine.Boots || Math.Abs((long)security.AuthoritativeEngineTime - now) > TimeWindowSeconds)
            {
                // An authenticated report lets the requester re-synchronise its clock (RFC 3414 §3.2 step 7a).
                Interlocked.Increment(ref Counters.NotInTimeWindows);
                return reportable && WriteReport(message, SnmpOids.UsmStatsNotInTimeWindows0, Counters.NotInTimeWindows, user, keys);
            }
        }

        var status = UsmIncoming.Unprotect(message, raw, keys, out var scoped);
        if (status != UsmStatus.Ok || scoped is null)
        {
            Interlocked.Increment(ref Counters.DecryptionErrors);
            return false;
        }

        if (scoped.Pdu is not SnmpPdu request)
        {
            Interlocked.Increment(ref Counters.InUnexpectedPdus);
            return false;
        }

        int maxSize = Math.Min(message.MaxSize, _options.MaxMessageSize);
        // Room for the v3 envelope: header, USM parameters, MAC, privacy padding.
        int overhead = 64 + security.UserName.Length + _engine.EngineId.Length * 2 + scoped.ContextName.Length + 64;
        var response = Respond(request, maxSize - overhead);
        if (response is null)
        {
            return false;
        }

        var envelope = new V3Envelope(message.MessageId, _engine.EngineId, _engine.Boots, _engine.EngineTime, level, Reportable: false);
        _v3.Encode(_writer, envelope, user, keys, scoped.ContextEngineId, scoped.ContextName, response);
        return true;
    }

    private bool WriteReport(V3Message request, ObjectIdentifier counterOid, long counter, UsmUser? user, UsmLocalizedKeys? keys)
    {
        // RFC 3412 §7.1.3.c: the report echoes the request-id when it can be read (plaintext PDUs).
        int requestId = request.ScopedPdu?.Pdu is SnmpPdu p ? p.RequestId : 0;
        var report = new SnmpPdu(PduType.Report, requestId, 0, 0, [new VarBind(counterOid, SnmpValue.Counter32(unchecked((uint)counter)))]);
        var level = keys is null ? SecurityLevel.NoAuthNoPriv : SecurityLevel.AuthNoPriv;
        var envelope = new V3Envelope(request.MessageId, _engine.EngineId, _engine.Boots, _engine.EngineTime, level, Reportable: false);
        byte[] contextName = request.ScopedPdu?.ContextName ?? [];
        _v3.Encode(_writer, envelope, user, keys, _engine.EngineId, contextName, report);
        return true;
    }

    /// <summary>Builds the Response PDU for Get/GetNext/GetBulk/Set; null for PDUs an agent ignores.</summary>
    private SnmpPdu? Respond(SnmpPdu request, int maxBytes)
    {
        switch (request.Type)
        {
            case PduType.GetRequest:
                TakeSnapshots();
                return Limit(request, [.. request.VarBinds.Select(vb => new VarBind(vb.Oid, Get(vb.Oid)))], maxBytes, bulk: false);
            case PduType.GetNextRequest:
                TakeSnapshots();
                return Limit(request, [.. request.VarBinds.Select(vb => Next(vb.Oid))], maxBytes, bulk: false);
            case PduType.GetBulkRequest:
                TakeSnapshots();
                return Limit(request, Bulk(request), maxBytes, bulk: true);
            case PduType.SetRequest:
                // Read-only agent (RFC 3416 §4.2.5): the first varbind is not writable.
                return SnmpPdu.Response(request.RequestId, request.VarBinds.Count == 0 ? ErrorStatus.NoError : ErrorStatus.NotWritable, request.VarBinds.Count == 0 ? 0 : 1, request.VarBinds);
            default:
                Interlocked.Increment(ref Counters.InUnexpectedPdus);
                return null;
        }
    }

    private SnmpPdu Limit(SnmpPdu request, List<VarBind> varBinds, int maxBytes, bool bulk)
    {
        while (true)
        {
            var response = SnmpPdu.Response(request.RequestId, ErrorStatus.NoError, 0, varBinds);
            _writer.Reset();
            PduCodec.Write(_writer, response);
            int size = _writer.Position + 16;
            if (size <= maxBytes)
            {
                return response;
            }

            if (!bulk || varBinds.Count <= 1)
            {
                // RFC 3416 §4.2.1: tooBig with an empty varbind list.
                return SnmpPdu.Response(request.RequestId, ErrorStatus.TooBig, 0, []);
            }

            int keep = Math.Max(1, (int)((long)varBinds.Count * maxBytes / size) - 1);
            varBinds = varBinds.GetRange(0, Math.Min(keep, varBinds.Count - 1));
        }
    }

    private List<VarBind> Bulk(SnmpPdu request)
    {
        var input = request.VarBinds;
        int n = Math.Clamp(request.NonRepeaters, 0, input.Count);
        int r = input.Count - n;
        int m = Math.Max(0, request.MaxRepetitions);
        var output = new List<VarBind>();
        for (int i = 0; i < n; i++)
        {
            output.Add(Next(input[i].Oid));
        }

        if (r == 0)
        {
            return output;
        }

        var cursors = new ObjectIdentifier[r];
        for (int j = 0; j < r; j++)
        {
            cursors[j] = input[n + j].Oid;
        }

        for (int rep = 0; rep < m && output.Count + r <= _options.MaxBulkVarBinds; rep++)
        {
            bool allEnd = true;
            for (int j = 0; j < r; j++)
            {
                var vb = Next(cursors[j]);
                output.Add(vb);
                cursors[j] = vb.Oid;
                allEnd &= vb.Value.Type == SnmpType.EndOfMibView;
            }

            if (allEnd)
            {
                break;
            }
        }

        return output;
    }

    private void TakeSnapshots()
    {
        for (int i = 0; i < _providers.Count; i++)
        {
            _snapshots[i] = _providers[i].GetSnapshot();
        }
    }

    private SnmpValue Get(ObjectIdentifier oid)
    {
        bool prefix = false;
        foreach (var snapshot in _snapshots)
        {
            if (snapshot.TryGet(oid, out var value))
            {
                return value;
            }

            prefix |= oid.Length > 1 && snapshot.HasPrefix(oid.Parent());
        }

        return prefix ? SnmpValue.NoSuchInstance : SnmpValue.NoSuchObject;
    }

    private VarBind Next(ObjectIdentifier oid)
    {
        VarBind best = default;
        bool found = false;
        foreach (var snapshot in _snapshots)
        {
            if (snapshot.TryGetNext(oid, out var candidate) && (!found || candidate.Oid < best.Oid))
            {
                best = candidate;
                found = true;
            }
        }

        return found ? best : new VarBind(oid, SnmpValue.EndOfMibView);
    }
}
