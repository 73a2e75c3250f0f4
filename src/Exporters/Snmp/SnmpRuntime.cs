using Gateway.Snmp;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Mib;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// What the destinations and the agent share: the validated options, our SNMP engine (one engine
/// ID and boots counter for the whole gateway) and the GATEWAY-MIB under the configured base.
/// </summary>
public sealed class SnmpRuntime
{
    private const int EnterprisesArcs = 7; // 1.3.6.1.4.1.<enterprise>

    public SnmpRuntime(SnmpExporterOptions options, SnmpEngine engine)
    {
        Options = options;
        Engine = engine;
        Notifications = new GatewayNotifications(new GatewayMibOids(ObjectIdentifier.Parse(options.BaseOid)));
        Mapper = new SnmpEventMapper(Notifications);
    }

    public SnmpExporterOptions Options { get; }

    public SnmpEngine Engine { get; }

    public GatewayNotifications Notifications { get; }

    public SnmpEventMapper Mapper { get; }

    /// <summary>
    /// Loads (or creates) the engine ID in <c>&lt;dataDir&gt;/snmp-engine.conf</c> and counts this start
    /// as a boot; a configured <see cref="SnmpExporterOptions.EngineId"/> wins over the stored one.
    /// </summary>
    public static SnmpRuntime Create(SnmpExporterOptions options, string dataDir, TimeProvider time)
    {
        var enterprise = Enterprise(options.BaseOid);
        var configured = options.EngineId is null ? null : SnmpEngineId.Parse(options.EngineId);
        var state = EngineIdStore.LoadAndIncrementBoots(dataDir, () => SnmpEngineId.FromRandom(enterprise), configured);
        return new SnmpRuntime(options, new SnmpEngine(state.EngineId, state.Boots, time));
    }

    /// <summary>The enterprise number of a base OID under 1.3.6.1.4.1, for the engine ID's prefix.</summary>
    public static uint Enterprise(string baseOid)
    {
        var enterprises = ObjectIdentifier.Parse("1.3.6.1.4.1");
        return ObjectIdentifier.TryParse(baseOid, out var oid) && oid.Length >= EnterprisesArcs && oid.StartsWith(enterprises) && oid[6] is > 0 and < 0x8000_0000
            ? oid[6]
            : SnmpEngineId.PlaceholderEnterprise;
    }
}
