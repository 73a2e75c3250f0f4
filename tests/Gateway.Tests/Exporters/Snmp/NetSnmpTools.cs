namespace Gateway.Tests.Exporters.Snmp;

/// <summary>Locates net-snmp binaries; a missing one fails the test naming the Debian package.</summary>
internal static class NetSnmpTools
{
    public static string Require(string binary, string debianPackage)
    {
        foreach (var dir in new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" }
                     .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)))
        {
            var path = Path.Combine(dir, binary);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new InvalidOperationException($"{binary} not found: install the Debian package '{debianPackage}' (apt-get install {debianPackage})");
    }

    public static string SnmpTrapd => Require("snmptrapd", "snmptrapd");

    public static string SnmpWalk => Require("snmpwalk", "snmp");

    public static string SnmpBulkWalk => Require("snmpbulkwalk", "snmp");
}
