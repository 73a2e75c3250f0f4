using Gateway.Saas.Http;
using Gateway.Saas.Opsgenie;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Gateway.Tests.Saas.Opsgenie;

/// <summary>The exporter on the same Refit client and settings the registration builds, pointed at a stub.</summary>
internal static class OpsgenieTestClient
{
    public static OpsgenieExporterOptions Options(IncidentStub stub, string key = OpsgenieContract.Key) =>
        new() { ApiKey = key, Url = stub.Url.ToString() };

    public static OpsgenieExporter Exporter(OpsgenieExporterOptions options, TimeProvider? time = null)
    {
        var http = new HttpClient { BaseAddress = options.BaseUrl(), Timeout = options.Timeout };
        var api = RestService.ForGenerated<IOpsgenieApi>(http, SaasRefitSettings.Create());
        return new OpsgenieExporter(options, api, time ?? TimeProvider.System, NullLogger<OpsgenieExporter>.Instance);
    }

    public static OpsgenieExporter Exporter(IncidentStub stub, string key = OpsgenieContract.Key) => Exporter(Options(stub, key));
}
