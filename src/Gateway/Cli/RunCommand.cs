using System.Net.Sockets;
using Gateway.Configuration;
using Gateway.Hosting;

namespace Gateway.Cli;

/// <summary>Runs the gateway until SIGINT/SIGTERM; a bad configuration is a clear message and exit 1.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string? configPath, TextWriter error)
    {
        LoadedConfiguration loaded;
        try
        {
            loaded = ConfigLoader.Load(configPath);
        }
        catch (ConfigurationFileException e)
        {
            await error.WriteLineAsync($"gateway: configuration: {e.Message}");
            return 1;
        }
        try
        {
            // One host for the check and the run: building it is the expensive part of start-up.
            await using var app = GatewayHost.Build(loaded);
            var report = ConfigCheck.Check(loaded, app.Services);
            foreach (var warning in report.Warnings)
            {
                await error.WriteLineAsync($"gateway: warning: {warning}");
            }
            if (!report.IsValid)
            {
                await error.WriteLineAsync($"gateway: {loaded.Origin}: {report.Errors.Count} configuration error(s)");
                foreach (var problem in report.Errors)
                {
                    await error.WriteLineAsync(problem);
                }
                return 1;
            }
            GatewayHost.MapEndpoints(app);
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"gateway: gateway.listen: the address is already in use ({e.Message})");
            return 1;
        }
        catch (Exception e) when (ConfigCheck.Describe(e) is { Count: > 0 } described)
        {
            await error.WriteLineAsync($"gateway: {loaded.Origin}: configuration error(s)");
            foreach (var line in described)
            {
                await error.WriteLineAsync(line);
            }
            return 1;
        }
    }
}
