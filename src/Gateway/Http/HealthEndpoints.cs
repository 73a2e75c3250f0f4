using Gateway.Hosting;

namespace Gateway.Http;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", (ReadinessState readiness) =>
            readiness.IsReady ? Results.Text("ready\n") : Results.Text("starting\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
