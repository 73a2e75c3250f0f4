namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>Finds the OTP executables; a missing one fails the test with the package to install.</summary>
public static class ErlangTools
{
    public static string Erl => Find("erl");

    public static string Epmd => Find("epmd");

    /// <summary>Fails unless OTP's ssl application is installed (needed for <c>-proto_dist inet_tls</c>).</summary>
    public static void RequireSsl()
    {
        var erl = new FileInfo(Erl);
        var real = erl.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? erl.FullName;
        var root = Path.GetDirectoryName(Path.GetDirectoryName(real))!;
        var lib = Path.Combine(root, "lib");
        if (!Directory.Exists(lib) || Directory.GetDirectories(lib, "ssl-*").Length == 0)
        {
            throw new InvalidOperationException($"OTP's ssl application is missing under {lib}: install Debian package erlang-ssl (apt-get install erlang-ssl).");
        }
    }

    public static string Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length == 0)
            {
                continue;
            }

            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{name}' is not on PATH: install Debian package erlang-base (apt-get install erlang-base).");
    }
}
