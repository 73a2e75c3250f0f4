using Gateway.Configuration;
using Gateway.Hosting;

namespace Gateway.Cli;

/// <summary>
/// The command line: <c>gateway [run] [--config FILE]</c>, <c>gateway check-config FILE</c>,
/// <c>gateway version</c>. Exit codes: 0 ok, 1 invalid configuration or failed start, 2 usage.
/// </summary>
public static class GatewayCli
{
    public const string Usage = """
        Usage:
          gateway [run] [--config FILE]   run the gateway (no --config: the embedded default)
          gateway check-config FILE       validate a configuration file; exit 0 when valid, 1 with every error
          gateway version                 print the version
          gateway mib                     print GATEWAY-MIB, the SNMP MIB of the gateway's traps and tables
        Every configuration key can be overridden from the environment: GATEWAY__SECTION__KEY
        (e.g. GATEWAY__GATEWAY__LISTEN=0.0.0.0:9464).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (verb)
        {
            case "run":
                return TryGetConfigPath(rest, out var configPath, out var usageError)
                    ? await RunCommand.RunAsync(configPath, error)
                    : UsageError(error, usageError);
            case "check-config":
                return rest.Length == 1 && !rest[0].StartsWith('-')
                    ? CheckConfig(rest[0], output, error)
                    : UsageError(error, "check-config takes one FILE");
            case "version":
                await output.WriteLineAsync($"gateway {ThisAssembly.Version}");
                return 0;
            case "mib":
                await output.WriteAsync(Gateway.Snmp.Mib.GatewayMib.Text);
                return 0;
            case "help" or "--help" or "-h":
                await output.WriteLineAsync(Usage);
                return 0;
            default:
                return UsageError(error, $"unknown command \"{verb}\"");
        }
    }

    private static int CheckConfig(string path, TextWriter output, TextWriter error)
    {
        var report = ConfigCheck.Check(path);
        foreach (var warning in report.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }
        if (report.IsValid)
        {
            output.WriteLine($"{path}: configuration is valid");
            return 0;
        }
        error.WriteLine($"{path}: {report.Errors.Count} error(s)");
        foreach (var line in report.Errors)
        {
            error.WriteLine(line);
        }
        return 1;
    }

    private static bool TryGetConfigPath(string[] args, out string? path, out string error)
    {
        path = null;
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--config" or "-c" && i + 1 < args.Length)
            {
                path = args[++i];
            }
            else if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                path = args[i]["--config=".Length..];
            }
            else
            {
                error = $"unexpected argument \"{args[i]}\"";
                return false;
            }
        }
        return true;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"gateway: {message}");
        error.WriteLine(Usage);
        return 2;
    }
}
