using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// One validated destination with the exporter-wide defaults applied and the USM keys derived. A
/// class with a hand-written <see cref="ToString"/>: the community must never be printed.
/// </summary>
public sealed class SnmpDestination
{
    public required string Name { get; init; }

    public required SnmpAddress Address { get; init; }

    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    public bool Inform { get; init; }

    public string Community { get; init; } = "public";

    public UsmUser? User { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public int Retries { get; init; } = 2;

    public double Rate { get; init; } = 100;

    public int Burst { get; init; } = 200;

    /// <summary>Builds a destination from validated options (see <see cref="SnmpExporterOptionsValidator"/>).</summary>
    public static SnmpDestination From(SnmpDestinationOptions d, SnmpExporterOptions defaults, string name)
    {
        if (!SnmpAddress.TryParse(d.Address, SnmpAddress.TrapPort, out var address) || !SnmpProtocolNames.TryParseVersion(d.Version, out var version))
        {
            throw new ArgumentException($"destination {name} is not valid; validate the options first", nameof(d));
        }
        var limit = d.TrapRateLimit ?? defaults.TrapRateLimit;
        return new SnmpDestination
        {
            Name = name,
            Address = address,
            Version = version,
            Inform = d.Inform,
            Community = d.Community,
            User = version == SnmpVersion.V3 ? SnmpUsers.Create(d.User!, d.Auth, d.Priv) : null,
            Timeout = d.Timeout ?? defaults.Timeout,
            Retries = d.Retries ?? defaults.Retries,
            Rate = limit.Rate,
            Burst = limit.Burst,
        };
    }

    public override string ToString() => $"{Name}: {Version} {(Inform ? "inform" : "trap")} to {Address}";
}
