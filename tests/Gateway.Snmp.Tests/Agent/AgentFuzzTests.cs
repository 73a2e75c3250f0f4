using System.Net;
using System.Net.Sockets;
using Gateway.Snmp.Agent;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Agent;

public sealed class AgentFuzzTests
{
    private static readonly UsmUser User = new("gwuser", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123");

    private static (AgentRequestHandler Handler, SnmpEngine Engine) Handler()
    {
        var engine = new SnmpEngine(SnmpEngineId.FromText(99999, "fuzz-agent"), 1);
        var rows = new MibTreeProvider(Enumerable.Range(1, 50).Select(i => new VarBind(ObjectIdentifier.Parse($"1.3.6.1.4.1.99999.1.1.1.2.{i}"), SnmpValue.OctetString($"alarm-{i}"))));
        var options = new SnmpAgentOptions { Community = "public", Users = [User] };
        return (new AgentRequestHandler(engine, options, [new SystemGroupProvider(engine, "d", GatewayMibOidsBase, "n"), rows]), engine);
    }

    private static ObjectIdentifier GatewayMibOidsBase => ObjectIdentifier.Parse("1.3.6.1.4.1.99999");

    [Fact]
    public void Mutated_requests_never_throw_from_the_handler_and_parse_errors_are_counted()
    {
        var (handler, engine) = Handler();
        var seeds = new[]
        {
            SamplePackets.V2cGet(),
            SamplePackets.V2cBulk(),
            SamplePackets.V3Get(engine.EngineId, engine.Boots, engine.EngineTime, User),
            SamplePackets.V3Get(engine.EngineId, engine.Boots, engine.EngineTime, User, PduType.GetBulkRequest),
            SamplePackets.V3Discovery(),
        };
        var random = new Random(4711);
        for (int i = 0; i < 5000; i++)
        {
            var input = SamplePackets.Mutate(seeds[i % seeds.Length], random);
            _ = handler.Handle(input).Length;
        }

        Assert.True(handler.Counters.SnmpInAsnParseErrs > 0);
        Assert.Equal(5000, handler.Counters.SnmpInPkts);
        Assert.False(handler.Handle(SamplePackets.V2cGet()).IsEmpty);
    }

    [Fact]
    public void A_request_outside_the_time_window_gets_an_authenticated_not_in_time_window_report()
    {
        var (handler, engine) = Handler();
        var response = handler.Handle(SamplePackets.V3Get(engine.EngineId, engine.Boots, engine.EngineTime + 1000, User)).ToArray();
        var message = Assert.IsType<V3Message>(SnmpMessageCodec.Decode(response));
        Assert.Equal(MessageFlags.Auth, message.Flags);
        Assert.Equal(engine.Boots, message.Security.AuthoritativeEngineBoots);
        Assert.Equal(UsmStatus.Ok, UsmIncoming.Unprotect(message, response, User.Localize(engine.EngineId), out var scoped));
        Assert.Equal(PduType.Report, scoped!.Pdu.Type);
        Assert.Equal(SnmpOids.UsmStatsNotInTimeWindows0, scoped.Pdu.VarBinds[0].Oid);
        Assert.Equal(1, handler.Counters.UsmStatsNotInTimeWindows);
    }

    [Fact]
    public void A_discovery_probe_gets_our_engine_id_in_an_unknown_engine_id_report()
    {
        var (handler, engine) = Handler();
        var response = handler.Handle(SamplePackets.V3Discovery()).ToArray();
        var message = Assert.IsType<V3Message>(SnmpMessageCodec.Decode(response));
        Assert.Equal(engine.EngineId, message.Security.AuthoritativeEngineId);
        Assert.Equal(4243, message.MessageId);
        var report = message.ScopedPdu!.Pdu;
        Assert.Equal(PduType.Report, report.Type);
        Assert.Equal(SnmpOids.UsmStatsUnknownEngineIds0, report.VarBinds[0].Oid);
    }

    [Fact]
    public async Task The_live_agent_survives_garbage_and_still_answers()
    {
        var engine = new SnmpEngine(SnmpEngineId.FromText(99999, "fuzz-live"), 1);
        await using var agent = new SnmpAgent(engine, new SnmpAgentOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Community = "public", Users = [User] },
            [new SystemGroupProvider(engine, "fuzzed agent", GatewayMibOidsBase, "n")]);
        agent.Start();
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        client.Connect(agent.LocalEndPoint);
        var random = new Random(99);
        var seeds = new[] { SamplePackets.V2cGet(), SamplePackets.V3Get(engine.EngineId, 1, 0, User), SamplePackets.V3Discovery() };
        for (int i = 0; i < 1500; i++)
        {
            var datagram = i % 10 == 0
                ? Enumerable.Range(0, random.Next(1, 300)).Select(_ => (byte)random.Next(256)).ToArray()
                : SamplePackets.Mutate(seeds[i % seeds.Length], random);
            await client.SendAsync(datagram);
        }

        // UDP may drop under this burst, so the marker request is repeated; replies to mutations
        // may still be queued ahead of its answer. The bound is a 60 s hang guard, not a count of
        // one-second tries: a busy machine may need longer to work through the burst.
        string? answer = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (answer is null && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await client.SendAsync(SamplePackets.V2cGet(requestId: 987654));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                while (answer is null)
                {
                    var reply = await client.ReceiveAsync(cts.Token);
                    if (SnmpMessageCodec.Decode(reply.Buffer) is CommunityMessage { Pdu: SnmpPdu { RequestId: 987654 } pdu })
                    {
                        answer = pdu.VarBinds[0].Value.AsString();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        Assert.Equal("fuzzed agent", answer);
        Assert.True(agent.Counters.SnmpInAsnParseErrs > 0);
    }

    [Fact]
    public void Rejected_requests_show_up_in_the_snmp_group_counters()
    {
        var (handler, _) = Handler();
        Assert.True(handler.Handle(SamplePackets.V2cGet(community: "wrong")).IsEmpty);
        Assert.True(handler.Handle([0x30, 0x03, 0x02, 0x01]).IsEmpty);

        var writer = new Gateway.Snmp.Ber.BerWriter();
        var get = new SnmpPdu(PduType.GetRequest, 5, 0, 0, [VarBind.Null(SnmpOids.SnmpInBadCommunityNames0), VarBind.Null(SnmpOids.SnmpInAsnParseErrs0)]);
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V2c, "public"u8, get);
        var response = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(handler.Handle(writer.WrittenSpan)));
        Assert.Equal(SnmpValue.Counter32(1), response.Pdu.VarBinds[0].Value);
        Assert.Equal(SnmpValue.Counter32(1), response.Pdu.VarBinds[1].Value);
    }
}
