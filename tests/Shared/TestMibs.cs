namespace Gateway.Testing;

/// <summary>Finds the IETF base MIBs (npm net-snmp package, or GATEWAY_TEST_MIBDIR) and our mibs/ folder.</summary>
internal static class TestMibs
{
    private const string Relative = ".testpeers/node_modules/net-snmp/lib/mibs";

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "mibs", "GATEWAY-MIB.mib")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root (with mibs/GATEWAY-MIB.mib) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string GatewayMibDir => Path.Combine(RepoRoot, "mibs");

    public static string BaseMibDir
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("GATEWAY_TEST_MIBDIR");
            if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "SNMPv2-SMI.mib")))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Relative);
                if (File.Exists(Path.Combine(candidate, "SNMPv2-SMI.mib")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("IETF base MIBs (SNMPv2-SMI …) not found: run ./test.sh or npm install --prefix .testpeers net-snmp (or set GATEWAY_TEST_MIBDIR)");
        }
    }

    /// <summary>Value for net-snmp's -M: base MIBs and ours, nothing else.</summary>
    public static string NetSnmpPath => BaseMibDir + ":" + GatewayMibDir;

    /// <summary>net-snmp arguments that load exactly GATEWAY-MIB and SNMPv2-MIB from <see cref="NetSnmpPath"/>.</summary>
    public static string[] NetSnmpArgs => ["-M", NetSnmpPath, "-m", "GATEWAY-MIB:SNMPv2-MIB"];
}
