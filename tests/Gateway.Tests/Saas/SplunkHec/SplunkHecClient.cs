using System.Text.Json;
using Gateway.Saas.Http;
using Gateway.Saas.SplunkHec;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace Gateway.Tests.Saas.SplunkHec;

/// <summary>A Splunk HEC exporter pointed at a stub through the same Refit client the host registers.</summary>
internal static class SplunkHecClient
{
    public const string Token = "11111111-2222-3333-4444-555555555555";
    public const string Channel = "0aec6a5d-8a8b-4e7c-9a49-1b2c3d4e5f60";

    public static SplunkHecExporterOptions Options(SaasStub stub, string token = Token) => new()
    {
        Url = stub.Url.ToString(),
        Token = token,
        Index = "beam",
    };

    public static SplunkHecExporter Exporter(SaasStub stub, SplunkHecExporterOptions? options = null, TimeProvider? time = null)
    {
        options ??= Options(stub);
        var http = new HttpClient { BaseAddress = new Uri(options.Url!), Timeout = options.Timeout };
        var api = RestService.For<ISplunkHecApi>(http, SaasRefitSettings.Create());
        return new SplunkHecExporter(options, api, time ?? new FakeTimeProvider(SaasEvents.Time), NullLogger<SplunkHecExporter>.Instance);
    }

    public static StubResponse Success(long? ackId = null) =>
        new(200, ackId is { } id ? $$"""{"text":"Success","code":0,"ackId":{{id}}}""" : """{"text":"Success","code":0}""");

    /// <summary>The concatenated JSON objects of a HEC request body, each parsed.</summary>
    public static List<JsonElement> Envelopes(StubRequest request)
    {
        var envelopes = new List<JsonElement>();
        var reader = new Utf8JsonReader(request.Body, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
            using var document = JsonDocument.ParseValue(ref reader);
            envelopes.Add(document.RootElement.Clone());
        }
        return envelopes;
    }
}
