using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using static Gateway.Tests.Exporters.Prometheus.StoreBuilder;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>
/// A store with four nodes: beam/n1@host (up; every 0.0.4 type, special values, escaping, a series
/// <c>instance</c>/<c>job</c> label), beam/n2@host (down), beam/n3@host (pending) and
/// rabbitmq/127.0.0.1:15692 (up, read from OpenMetrics: target label, timestamp, info, stateset,
/// gauge histogram, counter with <c>_created</c>, a counter without <c>_total</c>, and a type conflict).
/// </summary>
internal static class Fixture
{
    public static readonly NodeKey N1 = new("beam", "n1@host");
    public static readonly NodeKey N2 = new("beam", "n2@host");
    public static readonly NodeKey N3 = new("beam", "n3@host");
    public static readonly NodeKey Rabbit = new("rabbitmq", "127.0.0.1:15692");

    public static MetricStore Create()
    {
        var store = new MetricStore();
        Up(store, N1, "beam", N1Families(42));
        Up(store, N2, "beam", [Family("erlang_vm_process_count", MetricType.Gauge, "The number of processes.", S("erlang_vm_process_count", 1))]);
        Down(store, N2, "beam");
        store.Register(N3, "beam");
        Up(store, Rabbit, "prometheus", RabbitFamilies(), Labels(("env", "prod")));
        return store;
    }

    public static IReadOnlyList<MetricFamily> N1Families(double processes) =>
    [
        Family("erlang_vm_process_count", MetricType.Gauge, "The number of processes.", S("erlang_vm_process_count", processes)),
        Family("erlang_vm_statistics_reductions_total", MetricType.Counter, "Reductions.", S("erlang_vm_statistics_reductions_total", 1234567)),
        Family("rpc_seconds", MetricType.Histogram, "RPC latency.",
            S("rpc_seconds_bucket", 1, ("le", "0.1")), S("rpc_seconds_bucket", 3, ("le", "+Inf")), S("rpc_seconds_sum", 0.75), S("rpc_seconds_count", 3)),
        Family("rpc_quantiles", MetricType.Summary, "RPC quantiles.",
            S("rpc_quantiles", 0.25, ("quantile", "0.5")), S("rpc_quantiles_sum", 10.5), S("rpc_quantiles_count", 7)),
        Family("odd", MetricType.Gauge, "Back\\slash and\nnewline \"q\".",
            S("odd", double.NaN, ("path", "C:\\dir\\\"q\"\nx")),
            S("odd", double.PositiveInfinity, ("instance", "inner")),
            S("odd", double.NegativeInfinity, ("job", "j"), ("exported_job", "e")),
            S("odd", 1e-7, ("v", "small")),
            S("odd", 1.5e300, ("v", "big")),
            S("odd", -0.0, ("v", "negative zero"))),
    ];

    public static IReadOnlyList<MetricFamily> RabbitFamilies() =>
    [
        new MetricFamily("erlang_vm_process_count", MetricType.Gauge, "Processes.", [new Sample("erlang_vm_process_count", LabelSet.Empty, 7, 1700000000123)]),
        Family("erlang_vm_statistics_reductions_total", MetricType.Gauge, "Not a counter here.", S("erlang_vm_statistics_reductions_total", 99)),
        Family("rabbitmq_connections", MetricType.Counter, "Connections opened.", S("rabbitmq_connections_total", 5), S("rabbitmq_connections_created", 1700000000.5)),
        Family("rabbitmq_build", MetricType.Info, "Build.", S("rabbitmq_build_info", 1, ("version", "3.12"))),
        Family("rabbitmq_state", MetricType.StateSet, "State.", S("rabbitmq_state", 1, ("rabbitmq_state", "running")), S("rabbitmq_state", 0, ("rabbitmq_state", "stopped"))),
        Family("rabbitmq_queue_size", MetricType.GaugeHistogram, "Queue sizes.",
            S("rabbitmq_queue_size_bucket", 2, ("le", "10")), S("rabbitmq_queue_size_bucket", 3, ("le", "+Inf")), S("rabbitmq_queue_size_gcount", 3), S("rabbitmq_queue_size_gsum", 12)),
        Family("rabbitmq_legacy", MetricType.Counter, "A counter without _total.", S("rabbitmq_legacy", 3)),
    ];
}
