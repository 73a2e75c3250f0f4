using Gateway.Core.Export;
using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas;

/// <summary>An exporter as the host wires it: configuration → the kit → its pipelines (real HTTP clients).</summary>
public sealed class KitServices : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateway-kit-").FullName;

    public KitServices(Dictionary<string, string?> values, Action<IServiceCollection, IConfiguration> register, FakeTimeProvider? time = null)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        services.AddGatewayOutbox(Configuration.GetSection("outbox"), _dir);
        register(services, Configuration);
        Provider = services.BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    public ServiceProvider Provider { get; }

    public IReadOnlyList<IEventExporter> Exporters => Provider.GetRequiredService<ExporterPipelines>().All.Select(p => p.Exporter).ToArray();

    public IEventExporter Exporter(string name) => Exporters.Single(e => e.Name == name);

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp.
        }
    }
}
