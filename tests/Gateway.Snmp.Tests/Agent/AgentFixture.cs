using Gateway.Snmp.Agent;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Tests.Agent;

/// <summary>Our agent on a free loopback port with sample alarm and node rows.</summary>
public sealed class AgentFixture : IAsyncLifetime
{
    public static readonly byte[] EngineId = SnmpEngineId.FromText(SnmpEngineId.PlaceholderEnterprise, "gw-test-agent");

    public static readonly GatewayAlarmInfo[] Alarms =
    [
        new(1, "alarm-one", "n1@host1", "disk_full", "/var", GwSeverity.Major, "disk usage above threshold", new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), "93.5", "90"),
        new(2, "alarm-two", "n2@host1", "process_limit", "", GwSeverity.Critical, "processes near the limit", new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero), "260000", "250000"),
        new(7, "alarm-seven", "n1@host1", "node_down", "", GwSeverity.Warning, "node unreachable", new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)),
    ];

    public static readonly GatewayNodeInfo[] Nodes =
    [
        new(1, "n1@host1", true, new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.Zero)),
        new(2, "n2@host1", false, new DateTimeOffset(2026, 11, 26, 9, 15, 0, TimeSpan.Zero)),
    ];

    public SnmpEngine Engine { get; } = new(EngineId, 5);

    public SnmpAgent Agent { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var tables = new MibTreeProvider(new GatewayNotifications().TableRows(Alarms, Nodes));
        var system = new SystemGroupProvider(Engine, "Gateway test agent", GatewayMibOids.DefaultBase, "gw-test");
        Agent = new SnmpAgent(
            Engine,
            new SnmpAgentOptions
            {
                Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
                Community = "public",
                Users =
                [
                    new UsmUser("gwuser", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123"),
                    new UsmUser("gwsha1", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes256, "privpass123"),
                    new UsmUser("gwmd5", AuthProtocol.Md5, "authpass123", PrivProtocol.Aes192, "privpass123"),
                ],
            },
            [system, tables]);
        Agent.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Agent.DisposeAsync();
}
