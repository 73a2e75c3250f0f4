using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Agent;

/// <summary>net-snmp's snmpget/snmpwalk/snmpbulkwalk/snmpset as the manager against our agent.</summary>
public sealed class AgentNetSnmpTests : IClassFixture<AgentFixture>
{
    private readonly AgentFixture _fixture;

    public AgentNetSnmpTests(AgentFixture fixture)
    {
        _fixture = fixture;
    }

    private string Target => $"udp:127.0.0.1:{_fixture.Agent.LocalEndPoint.Port}";

    private static readonly string[] ExpectedWalk =
    [
        "GATEWAY-MIB::gwAlarmId.1 = STRING: alarm-one",
        "GATEWAY-MIB::gwAlarmId.2 = STRING: alarm-two",
        "GATEWAY-MIB::gwAlarmId.7 = STRING: alarm-seven",
        "GATEWAY-MIB::gwAlarmNode.1 = STRING: n1@host1",
        "GATEWAY-MIB::gwAlarmNode.2 = STRING: n2@host1",
        "GATEWAY-MIB::gwAlarmNode.7 = STRING: n1@host1",
        "GATEWAY-MIB::gwAlarmType.1 = STRING: disk_full",
        "GATEWAY-MIB::gwAlarmType.2 = STRING: process_limit",
        "GATEWAY-MIB::gwAlarmType.7 = STRING: node_down",
        "GATEWAY-MIB::gwAlarmResource.1 = STRING: /var",
        "GATEWAY-MIB::gwAlarmResource.2 = STRING: ",
        "GATEWAY-MIB::gwAlarmResource.7 = STRING: ",
        "GATEWAY-MIB::gwAlarmSeverity.1 = INTEGER: major(4)",
        "GATEWAY-MIB::gwAlarmSeverity.2 = INTEGER: critical(3)",
        "GATEWAY-MIB::gwAlarmSeverity.7 = INTEGER: warning(6)",
        "GATEWAY-MIB::gwAlarmDescription.1 = STRING: disk usage above threshold",
        "GATEWAY-MIB::gwAlarmDescription.2 = STRING: processes near the limit",
        "GATEWAY-MIB::gwAlarmDescription.7 = STRING: node unreachable",
        "GATEWAY-MIB::gwAlarmTime.1 = STRING: 2026-11-26,10:0:0.0,+0:0",
        "GATEWAY-MIB::gwAlarmTime.2 = STRING: 2026-11-26,11:0:0.0,+0:0",
        "GATEWAY-MIB::gwAlarmTime.7 = STRING: 2026-11-26,12:0:0.0,+0:0",
        "GATEWAY-MIB::gwAlarmValue.1 = STRING: 93.5",
        "GATEWAY-MIB::gwAlarmValue.2 = STRING: 260000",
        "GATEWAY-MIB::gwAlarmValue.7 = STRING: ",
        "GATEWAY-MIB::gwAlarmThreshold.1 = STRING: 90",
        "GATEWAY-MIB::gwAlarmThreshold.2 = STRING: 250000",
        "GATEWAY-MIB::gwAlarmThreshold.7 = STRING: ",
        "GATEWAY-MIB::gwNodeName.1 = STRING: n1@host1",
        "GATEWAY-MIB::gwNodeName.2 = STRING: n2@host1",
        "GATEWAY-MIB::gwNodeStatus.1 = INTEGER: up(1)",
        "GATEWAY-MIB::gwNodeStatus.2 = INTEGER: down(2)",
        "GATEWAY-MIB::gwNodeLastSeen.1 = STRING: 2026-11-26,12:30:0.0,+0:0",
        "GATEWAY-MIB::gwNodeLastSeen.2 = STRING: 2026-11-26,9:15:0.0,+0:0",
        "GATEWAY-MIB::gwActiveAlarms.0 = Gauge32: 3",
    ];

    private static string[] Mibs => ["-M", TestMibs.NetSnmpPath, "-m", "GATEWAY-MIB:SNMPv2-MIB"];

    private static string[] V3(string user, string a, string x, string authPass = "authpass123") =>
        ["-v", "3", "-u", user, "-l", "authPriv", "-a", a, "-A", authPass, "-x", x, "-X", "privpass123"];

    private static string[] Lines(ProcessResult r) => r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Snmpget_over_v2c_reads_the_system_group_and_table_cells()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpGet, [.. Mibs, "-v", "2c", "-c", "public", Target,
            "SNMPv2-MIB::sysDescr.0", "SNMPv2-MIB::sysObjectID.0", "GATEWAY-MIB::gwAlarmId.2", "GATEWAY-MIB::gwAlarmId.99", "1.3.6.1.4.1.12345.1.0"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        var lines = Lines(r);
        Assert.Equal("SNMPv2-MIB::sysDescr.0 = STRING: Gateway test agent", lines[0]);
        Assert.Equal("SNMPv2-MIB::sysObjectID.0 = OID: GATEWAY-MIB::gatewayMIB", lines[1]);
        Assert.Equal("GATEWAY-MIB::gwAlarmId.2 = STRING: alarm-two", lines[2]);
        Assert.Equal("GATEWAY-MIB::gwAlarmId.99 = No Such Instance currently exists at this OID", lines[3]);
        Assert.Equal("SNMPv2-SMI::enterprises.12345.1.0 = No Such Object available on this agent at this OID", lines[4]);
    }

    [Fact]
    public async Task Snmpwalk_over_v2c_returns_every_row_in_order()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpWalk, [.. Mibs, "-v", "2c", "-c", "public", Target, "GATEWAY-MIB::gatewayMIB"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal(ExpectedWalk, Lines(r));
    }

    [Fact]
    public async Task Snmpbulkwalk_over_v2c_returns_every_row_in_order()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpBulkWalk, [.. Mibs, "-v", "2c", "-c", "public", "-Cr7", Target, "GATEWAY-MIB::gatewayMIB"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal(ExpectedWalk, Lines(r));
    }

    [Fact]
    public async Task Snmpwalk_over_v3_authPriv_sha256_aes128_discovers_our_engine_and_reads_the_tables()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpWalk, [.. Mibs, .. V3("gwuser", "SHA-256", "AES"), Target, "GATEWAY-MIB::gatewayMIB"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal(ExpectedWalk, Lines(r));
    }

    [Fact]
    public async Task Snmpbulkwalk_over_v3_with_sha1_and_aes256_reads_the_tables()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpBulkWalk, [.. Mibs, .. V3("gwsha1", "SHA", "AES-256"), Target, "GATEWAY-MIB::gatewayMIB"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal(ExpectedWalk, Lines(r));
    }

    [Fact]
    public async Task Snmpget_over_v3_with_md5_and_aes192_reads_a_cell()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpGet, [.. Mibs, .. V3("gwmd5", "MD5", "AES-192"), Target, "GATEWAY-MIB::gwNodeStatus.2"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal("GATEWAY-MIB::gwNodeStatus.2 = INTEGER: down(2)", Lines(r).Single());
    }

    [Fact]
    public async Task The_agent_counters_are_readable_and_the_view_ends_with_end_of_mib_view()
    {
        var r = await ProcessRunner.RunAsync(PeerBinaries.Require("snmpgetnext", "snmp"), ["-On", "-v", "2c", "-c", "public", Target, "1.3.6.1.2.1.11.6", "1.3.6.1.6.3.15.1.1.6.0"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        var lines = Lines(r);
        Assert.StartsWith(".1.3.6.1.2.1.11.6.0 = Counter32: ", lines[0], StringComparison.Ordinal);
        Assert.Equal(".1.3.6.1.6.3.15.1.1.6.0 = No more variables left in this MIB View (It is past the end of the MIB tree)", lines[1]);
    }

    [Fact]
    public async Task Snmpset_is_refused_with_not_writable()
    {
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpSet, [.. Mibs, "-v", "2c", "-c", "public", Target, "GATEWAY-MIB::gwAlarmDescription.1", "s", "changed"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("notWritable", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_community_gets_no_answer_and_is_counted()
    {
        long before = _fixture.Agent.Counters.SnmpInBadCommunityNames;
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpGet, [.. Mibs, "-v", "2c", "-c", "private", "-t", "1", "-r", "0", Target, "SNMPv2-MIB::sysDescr.0"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Timeout", r.StdErr + r.StdOut, StringComparison.Ordinal);
        Assert.True(_fixture.Agent.Counters.SnmpInBadCommunityNames > before);
    }

    [Fact]
    public async Task A_wrong_v3_password_gets_no_answer_and_is_counted()
    {
        long before = _fixture.Agent.Counters.UsmStatsWrongDigests;
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpGet, [.. Mibs, .. V3("gwuser", "SHA-256", "AES", "wrongpass123"), "-t", "1", "-r", "0", Target, "SNMPv2-MIB::sysDescr.0"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.DoesNotContain("Gateway test agent", r.StdOut, StringComparison.Ordinal);
        Assert.True(_fixture.Agent.Counters.UsmStatsWrongDigests > before);
    }

    [Fact]
    public async Task An_unknown_v3_user_gets_no_answer_and_is_counted()
    {
        long before = _fixture.Agent.Counters.UsmStatsUnknownUserNames;
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SnmpGet, [.. Mibs, .. V3("nobody", "SHA-256", "AES"), "-t", "1", "-r", "0", Target, "SNMPv2-MIB::sysDescr.0"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.True(_fixture.Agent.Counters.UsmStatsUnknownUserNames > before);
        Assert.True(_fixture.Agent.Counters.UsmStatsUnknownEngineIds > 0);
    }
}
