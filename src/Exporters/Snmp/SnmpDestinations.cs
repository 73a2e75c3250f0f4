using System.Globalization;
using System.Text;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// The configured destinations with their exporter names: <c>snmp-&lt;host&gt;-&lt;port&gt;</c> (lower case,
/// characters other than letters, digits, '.' and '-' replaced by '-'), with <c>-2</c>, <c>-3</c> …
/// when two destinations share an address. The name names the outbox file, so it depends on the
/// address, not on the position in the list: reordering destinations keeps each one's queue.
/// </summary>
public sealed class SnmpDestinations
{
    public SnmpDestinations(SnmpExporterOptions options)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = new List<SnmpDestination>(options.Destinations.Count);
        foreach (var d in options.Destinations)
        {
            var name = NameFor(d.Address);
            var unique = name;
            for (var n = 2; !names.Add(unique); n++)
            {
                unique = name + "-" + n.ToString(CultureInfo.InvariantCulture);
            }
            all.Add(SnmpDestination.From(d, options, unique));
        }
        All = all;
    }

    public IReadOnlyList<SnmpDestination> All { get; }

    public static string NameFor(string? address)
    {
        var text = SnmpAddress.TryParse(address, SnmpAddress.TrapPort, out var parsed)
            ? parsed.Host + "-" + parsed.Port.ToString(CultureInfo.InvariantCulture)
            : address ?? string.Empty;
        var name = new StringBuilder("snmp-", text.Length + 5);
        foreach (var c in text.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }
        return name.ToString();
    }
}
