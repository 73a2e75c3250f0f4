namespace Gateway.IntegrationTests.Peers;

/// <summary>Finds a peer program on PATH; a missing one fails the test with the package to install.</summary>
public static class PeerBinary
{
    public static string Require(string command, string debianPackage)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/usr/bin", "/sbin"]))
        {
            if (dir.Length == 0)
            {
                continue;
            }
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
