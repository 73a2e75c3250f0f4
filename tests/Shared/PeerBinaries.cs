namespace Gateway.Testing;

/// <summary>
/// Finds a peer program (net-snmp, prometheus …); a missing one fails the test with the Debian package
/// to install. Compiled into every test project that runs real peers (tests/Shared).
/// </summary>
internal static class PeerBinaries
{
    private static readonly string[] Fallbacks = ["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin"];

    public static string Require(string command, string debianPackage)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(Fallbacks))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"'{command}' is not installed: install the Debian package {debianPackage} (apt-get install {debianPackage}), or run ./test.sh as root, which installs it");
    }
}
