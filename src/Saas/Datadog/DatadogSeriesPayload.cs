using System.Net.Http.Headers;

namespace Gateway.Saas.Datadog;

/// <summary>One <c>POST /api/v2/series</c> body (gzip-encoded or not) and the points in it.</summary>
public sealed record DatadogSeriesPayload(byte[] Body, bool Gzip, IReadOnlyList<DatadogPoint> Points)
{
    public HttpContent Content()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (Gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }
        return content;
    }
}
