using System.IO.Compression;
using Gateway.Exposition;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Prometheus;

/// <summary>The <c>GET /metrics</c> handler: negotiates format and compression, then streams the render.</summary>
internal static partial class PrometheusEndpoint
{
    public static async Task HandleAsync(HttpContext context, PrometheusRenderer renderer, PrometheusExporterOptions options, ILogger logger)
    {
        var request = context.Request;
        var response = context.Response;
        var format = ExpositionContentType.Negotiate(request.Headers.Accept, options.OpenMetrics);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ExpositionContentType.ContentType(format);
        response.Headers.Vary = "Accept, Accept-Encoding";
        var body = response.Body;
        GZipStream? gzip = null;
        if (options.Gzip && ExpositionContentType.AcceptsGzip(request.Headers.AcceptEncoding))
        {
            response.Headers.ContentEncoding = "gzip";
            gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true);
            body = gzip;
        }
        try
        {
            await renderer.RenderAsync(body, format, context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RenderFailed(logger, exception);
            throw;
        }
        finally
        {
            if (gzip is not null)
            {
                await gzip.DisposeAsync();
            }
        }
    }
}
