using Gateway.Core.Store;
using Gateway.Exporters.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>Kestrel on 127.0.0.1 (free port) serving only the exporter, wired as the host does.</summary>
internal sealed class ExporterHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExporterHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ExporterHost> StartAsync(MetricStore store, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPrometheusExporter(configuration.GetSection("exporters:prometheus"));
        var app = builder.Build();
        app.MapPrometheusExporter();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ExporterHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
