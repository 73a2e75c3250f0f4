using Gateway.Snmp.Engine;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>One snmptrapd for a test class, knowing gwuser under our engine ID (v3 traps) and its own (v3 informs).</summary>
public sealed class TrapdFixture : IAsyncLifetime
{
    public static readonly byte[] OurEngineId = SnmpEngineId.FromText(SnmpEngineId.PlaceholderEnterprise, "gw-exporter-test");

    internal SnmpTrapd Trapd { get; private set; } = null!;

    public SnmpEngine Engine { get; } = new(OurEngineId, 2);

    public async Task InitializeAsync()
    {
        var engine = SnmpEngineId.ToHex(OurEngineId);
        Trapd = await SnmpTrapd.StartAsync(
            "disableAuthorization yes\n" +
            $"createUser -e {engine} gwuser SHA-256 authpass123 AES privpass123\n" +
            "createUser gwuser SHA-256 authpass123 AES privpass123\n");
    }

    public Task DisposeAsync()
    {
        Trapd.Dispose();
        return Task.CompletedTask;
    }
}
