using Gateway.Saas.Http;
using Gateway.Saas.PagerDuty;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Gateway.Tests.Saas.PagerDuty;

/// <summary>The exporter on the same Refit client and settings the registration builds, pointed at a stub.</summary>
internal static class PagerDutyTestClient
{
    public static PagerDutyExporterOptions Options(IncidentStub stub, string key = PagerDutyContract.Key) =>
        new() { RoutingKey = key, Url = stub.Url.ToString() };

    public static PagerDutyExporter Exporter(PagerDutyExporterOptions options, TimeProvider? time = null, ILogger<PagerDutyExporter>? logger = null)
    {
        var http = new HttpClient { BaseAddress = options.BaseUrl(), Timeout = options.Timeout };
        var api = RestService.ForGenerated<IPagerDutyApi>(http, SaasRefitSettings.Create());
        return new PagerDutyExporter(options, api, time ?? TimeProvider.System, logger ?? NullLogger<PagerDutyExporter>.Instance);
    }

    public static PagerDutyExporter Exporter(IncidentStub stub, string key = PagerDutyContract.Key) => Exporter(Options(stub, key));
}
