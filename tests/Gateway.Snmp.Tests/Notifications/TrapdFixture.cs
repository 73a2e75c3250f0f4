using Gateway.Snmp.Engine;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Notifications;

/// <summary>One snmptrapd for the class, knowing our v3 user both under our engine ID (traps) and its own (informs).</summary>
public sealed class TrapdFixture : IAsyncLifetime
{
    public static readonly byte[] OurEngineId = SnmpEngineId.FromText(SnmpEngineId.PlaceholderEnterprise, "gw-test-sender");

    internal SnmpTrapd Trapd { get; private set; } = null!;

    public SnmpEngine Engine { get; } = new(OurEngineId, 3);

    public async Task InitializeAsync()
    {
        var engine = SnmpEngineId.ToHex(OurEngineId);
        Trapd = await SnmpTrapd.StartAsync(
            "disableAuthorization yes\n" +
            $"createUser -e {engine} gwuser SHA-256 authpass123 AES privpass123\n" +
            $"createUser -e {engine} gwsha1 SHA authpass123 AES-256 privpass123\n" +
            "createUser gwuser SHA-256 authpass123 AES privpass123\n");
    }

    public Task DisposeAsync()
    {
        Trapd.Dispose();
        return Task.CompletedTask;
    }
}
