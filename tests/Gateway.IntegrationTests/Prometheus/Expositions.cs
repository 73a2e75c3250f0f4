namespace Gateway.IntegrationTests.Prometheus;

/// <summary>Known expositions served by test targets; values differ per node so each can be told apart.</summary>
internal static class Expositions
{
    public static string Text004(int node) => $$"""
        # HELP app_requests_total Requests served.
        # TYPE app_requests_total counter
        app_requests_total{path="/a\"b",code="200"} {{1000 + node}}
        app_requests_total{path="C:\\dir\nnext",code="500"} {{node}}
        # HELP app_latency_seconds Request latency.
        # TYPE app_latency_seconds histogram
        app_latency_seconds_bucket{le="0.1"} {{node}}
        app_latency_seconds_bucket{le="1"} {{node + 5}}
        app_latency_seconds_bucket{le="+Inf"} {{node + 10}}
        app_latency_seconds_sum 4.5
        app_latency_seconds_count {{node + 10}}
        # HELP app_rpc_seconds RPC duration.
        # TYPE app_rpc_seconds summary
        app_rpc_seconds{quantile="0.5"} 0.25
        app_rpc_seconds{quantile="0.99"} NaN
        app_rpc_seconds_sum 12
        app_rpc_seconds_count 40
        # HELP app_temperature_celsius A gauge at +Inf.
        # TYPE app_temperature_celsius gauge
        app_temperature_celsius +Inf
        # HELP app_floor_celsius A gauge at -Inf.
        # TYPE app_floor_celsius gauge
        app_floor_celsius -Inf

        """;

    public static string OpenMetrics(int node) => $$"""
        # TYPE app_requests counter
        # HELP app_requests Requests served.
        app_requests_total{path="/a\"b",code="200"} {{1000 + node}}
        app_requests_total{path="C:\\dir\nnext",code="500"} {{node}}
        # TYPE app_latency_seconds histogram
        # UNIT app_latency_seconds seconds
        # HELP app_latency_seconds Request latency.
        app_latency_seconds_bucket{le="0.1"} {{node}}
        app_latency_seconds_bucket{le="1.0"} {{node + 5}}
        app_latency_seconds_bucket{le="+Inf"} {{node + 10}}
        app_latency_seconds_sum 4.5
        app_latency_seconds_count {{node + 10}}
        # TYPE app_rpc_seconds summary
        # HELP app_rpc_seconds RPC duration.
        app_rpc_seconds{quantile="0.5"} 0.25
        app_rpc_seconds{quantile="0.99"} NaN
        app_rpc_seconds_sum 12
        app_rpc_seconds_count 40
        # TYPE app_temperature_celsius gauge
        # HELP app_temperature_celsius A gauge at +Inf.
        app_temperature_celsius +Inf
        # TYPE app_floor_celsius gauge
        # HELP app_floor_celsius A gauge at -Inf.
        app_floor_celsius -Inf
        # EOF

        """;

    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";
}
