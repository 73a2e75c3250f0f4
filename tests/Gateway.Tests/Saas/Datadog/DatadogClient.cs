using Gateway.Saas.Datadog;
using Gateway.Saas.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace Gateway.Tests.Saas.Datadog;

/// <summary>A Datadog exporter pointed at a stub through the same Refit client the host registers.</summary>
internal static class DatadogClient
{
    public const string Key = "dd-api-key-0123456789abcdef0123";

    public static DatadogExporterOptions Options(SaasStub stub, string key = Key) => new()
    {
        ApiKey = key,
        Url = stub.Url.ToString(),
        Gzip = true,
    };

    public static DatadogExporter Exporter(SaasStub stub, DatadogExporterOptions? options = null, TimeProvider? time = null)
    {
        options ??= Options(stub);
        var http = new HttpClient { BaseAddress = options.BaseUrl(), Timeout = options.Timeout };
        var api = RestService.For<IDatadogApi>(http, SaasRefitSettings.Create());
        return new DatadogExporter(options, api, time ?? new FakeTimeProvider(SaasEvents.Time.AddMinutes(1)), NullLogger<DatadogExporter>.Instance);
    }

    /// <summary>Datadog's documented answer to a posted event.</summary>
    public static StubResponse Accepted() => new(202, """{"status":"ok","event":{"id":1377281704830403917,"title":"x","date_happened":1772600767}}""");
}
