using Gateway.Exporters.Prometheus;
using Gateway.Exposition;
using static Gateway.Tests.Exporters.Prometheus.StoreBuilder;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>Exact text of the whole exposition for <see cref="Fixture"/>, in both formats.</summary>
public sealed class ExactTextTests
{
    // Reviewed by hand: one block per family name sorted by name, nodes in job/instance order, the down
    // node (n2) and the pending node (n3) only in the self-metrics, the type conflict on
    // erlang_vm_statistics_reductions_total resolved for beam/n1 (first), target label env on rabbitmq.
    private const string Text = """
        # HELP erlang_vm_process_count The number of processes.
        # TYPE erlang_vm_process_count gauge
        erlang_vm_process_count{instance="n1@host",job="beam"} 42
        erlang_vm_process_count{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 7 1700000000123
        # HELP erlang_vm_statistics_reductions_total Reductions.
        # TYPE erlang_vm_statistics_reductions_total counter
        erlang_vm_statistics_reductions_total{instance="n1@host",job="beam"} 1234567
        # HELP gateway_exporter_conflicting_families_total Family blocks left out of /metrics because their type disagreed with the first declaration of the name.
        # TYPE gateway_exporter_conflicting_families_total counter
        gateway_exporter_conflicting_families_total{instance="gw:9464",job="gateway"} 0
        # HELP gateway_node_up Whether the last collection from the node succeeded (1) or not (0); 0 until the first one.
        # TYPE gateway_node_up gauge
        gateway_node_up{instance="n1@host",job="beam"} 1
        gateway_node_up{instance="n2@host",job="beam"} 0
        gateway_node_up{instance="n3@host",job="beam"} 0
        gateway_node_up{instance="127.0.0.1:15692",job="rabbitmq"} 1
        # HELP gateway_scrape_duration_seconds How long the last collection from the node took.
        # TYPE gateway_scrape_duration_seconds gauge
        gateway_scrape_duration_seconds{instance="n1@host",job="beam"} 0.0125
        gateway_scrape_duration_seconds{instance="n2@host",job="beam"} 5
        gateway_scrape_duration_seconds{instance="127.0.0.1:15692",job="rabbitmq"} 0.0125
        # HELP gateway_scrape_samples Samples in the last successful collection from the node.
        # TYPE gateway_scrape_samples gauge
        gateway_scrape_samples{instance="n1@host",job="beam"} 15
        gateway_scrape_samples{instance="n2@host",job="beam"} 0
        gateway_scrape_samples{instance="127.0.0.1:15692",job="rabbitmq"} 12
        # HELP odd Back\\slash and\nnewline "q".
        # TYPE odd gauge
        odd{instance="n1@host",job="beam",path="C:\\dir\\\"q\"\nx"} NaN
        odd{instance="n1@host",job="beam",exported_instance="inner"} +Inf
        odd{instance="n1@host",job="beam",exported_job="e",exported_exported_job="j"} -Inf
        odd{instance="n1@host",job="beam",v="small"} 1E-07
        odd{instance="n1@host",job="beam",v="big"} 1.5E+300
        odd{instance="n1@host",job="beam",v="negative zero"} -0
        # HELP rabbitmq_build_info Build.
        # TYPE rabbitmq_build_info gauge
        rabbitmq_build_info{instance="127.0.0.1:15692",job="rabbitmq",env="prod",version="3.12"} 1
        # HELP rabbitmq_connections_created Connections opened.
        # TYPE rabbitmq_connections_created gauge
        rabbitmq_connections_created{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 1700000000.5
        # HELP rabbitmq_connections_total Connections opened.
        # TYPE rabbitmq_connections_total counter
        rabbitmq_connections_total{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 5
        # HELP rabbitmq_legacy A counter without _total.
        # TYPE rabbitmq_legacy counter
        rabbitmq_legacy{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 3
        # HELP rabbitmq_queue_size_bucket Queue sizes.
        # TYPE rabbitmq_queue_size_bucket untyped
        rabbitmq_queue_size_bucket{instance="127.0.0.1:15692",job="rabbitmq",env="prod",le="10"} 2
        rabbitmq_queue_size_bucket{instance="127.0.0.1:15692",job="rabbitmq",env="prod",le="+Inf"} 3
        # HELP rabbitmq_queue_size_gcount Queue sizes.
        # TYPE rabbitmq_queue_size_gcount untyped
        rabbitmq_queue_size_gcount{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 3
        # HELP rabbitmq_queue_size_gsum Queue sizes.
        # TYPE rabbitmq_queue_size_gsum untyped
        rabbitmq_queue_size_gsum{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 12
        # HELP rabbitmq_state State.
        # TYPE rabbitmq_state gauge
        rabbitmq_state{instance="127.0.0.1:15692",job="rabbitmq",env="prod",rabbitmq_state="running"} 1
        rabbitmq_state{instance="127.0.0.1:15692",job="rabbitmq",env="prod",rabbitmq_state="stopped"} 0
        # HELP rpc_quantiles RPC quantiles.
        # TYPE rpc_quantiles summary
        rpc_quantiles{instance="n1@host",job="beam",quantile="0.5"} 0.25
        rpc_quantiles_sum{instance="n1@host",job="beam"} 10.5
        rpc_quantiles_count{instance="n1@host",job="beam"} 7
        # HELP rpc_seconds RPC latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{instance="n1@host",job="beam",le="0.1"} 1
        rpc_seconds_bucket{instance="n1@host",job="beam",le="+Inf"} 3
        rpc_seconds_sum{instance="n1@host",job="beam"} 0.75
        rpc_seconds_count{instance="n1@host",job="beam"} 3
        """;

    // OpenMetrics: counter families without _total, UNIT where the name ends with it, info/stateset/
    // gaugehistogram declared as such, the counter without _total as unknown, timestamps in seconds,
    // double quotes escaped in HELP, # EOF. The reductions "conflict" does not exist here: the counter's
    // family is erlang_vm_statistics_reductions, the gauge's erlang_vm_statistics_reductions_total.
    private const string OpenMetrics = """
        # HELP erlang_vm_process_count The number of processes.
        # TYPE erlang_vm_process_count gauge
        erlang_vm_process_count{instance="n1@host",job="beam"} 42
        erlang_vm_process_count{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 7 1700000000.123
        # HELP erlang_vm_statistics_reductions Reductions.
        # TYPE erlang_vm_statistics_reductions counter
        erlang_vm_statistics_reductions_total{instance="n1@host",job="beam"} 1234567
        # HELP erlang_vm_statistics_reductions_total Not a counter here.
        # TYPE erlang_vm_statistics_reductions_total gauge
        erlang_vm_statistics_reductions_total{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 99
        # HELP gateway_exporter_conflicting_families Family blocks left out of /metrics because their type disagreed with the first declaration of the name.
        # TYPE gateway_exporter_conflicting_families counter
        gateway_exporter_conflicting_families_total{instance="gw:9464",job="gateway"} 0
        # HELP gateway_node_up Whether the last collection from the node succeeded (1) or not (0); 0 until the first one.
        # TYPE gateway_node_up gauge
        gateway_node_up{instance="n1@host",job="beam"} 1
        gateway_node_up{instance="n2@host",job="beam"} 0
        gateway_node_up{instance="n3@host",job="beam"} 0
        gateway_node_up{instance="127.0.0.1:15692",job="rabbitmq"} 1
        # HELP gateway_scrape_duration_seconds How long the last collection from the node took.
        # TYPE gateway_scrape_duration_seconds gauge
        # UNIT gateway_scrape_duration_seconds seconds
        gateway_scrape_duration_seconds{instance="n1@host",job="beam"} 0.0125
        gateway_scrape_duration_seconds{instance="n2@host",job="beam"} 5
        gateway_scrape_duration_seconds{instance="127.0.0.1:15692",job="rabbitmq"} 0.0125
        # HELP gateway_scrape_samples Samples in the last successful collection from the node.
        # TYPE gateway_scrape_samples gauge
        gateway_scrape_samples{instance="n1@host",job="beam"} 15
        gateway_scrape_samples{instance="n2@host",job="beam"} 0
        gateway_scrape_samples{instance="127.0.0.1:15692",job="rabbitmq"} 12
        # HELP odd Back\\slash and\nnewline \"q\".
        # TYPE odd gauge
        odd{instance="n1@host",job="beam",path="C:\\dir\\\"q\"\nx"} NaN
        odd{instance="n1@host",job="beam",exported_instance="inner"} +Inf
        odd{instance="n1@host",job="beam",exported_job="e",exported_exported_job="j"} -Inf
        odd{instance="n1@host",job="beam",v="small"} 1E-07
        odd{instance="n1@host",job="beam",v="big"} 1.5E+300
        odd{instance="n1@host",job="beam",v="negative zero"} -0
        # HELP rabbitmq_build Build.
        # TYPE rabbitmq_build info
        rabbitmq_build_info{instance="127.0.0.1:15692",job="rabbitmq",env="prod",version="3.12"} 1
        # HELP rabbitmq_connections Connections opened.
        # TYPE rabbitmq_connections counter
        rabbitmq_connections_total{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 5
        rabbitmq_connections_created{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 1700000000.5
        # HELP rabbitmq_legacy A counter without _total.
        # TYPE rabbitmq_legacy unknown
        rabbitmq_legacy{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 3
        # HELP rabbitmq_queue_size Queue sizes.
        # TYPE rabbitmq_queue_size gaugehistogram
        rabbitmq_queue_size_bucket{instance="127.0.0.1:15692",job="rabbitmq",env="prod",le="10"} 2
        rabbitmq_queue_size_bucket{instance="127.0.0.1:15692",job="rabbitmq",env="prod",le="+Inf"} 3
        rabbitmq_queue_size_gcount{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 3
        rabbitmq_queue_size_gsum{instance="127.0.0.1:15692",job="rabbitmq",env="prod"} 12
        # HELP rabbitmq_state State.
        # TYPE rabbitmq_state stateset
        rabbitmq_state{instance="127.0.0.1:15692",job="rabbitmq",env="prod",rabbitmq_state="running"} 1
        rabbitmq_state{instance="127.0.0.1:15692",job="rabbitmq",env="prod",rabbitmq_state="stopped"} 0
        # HELP rpc_quantiles RPC quantiles.
        # TYPE rpc_quantiles summary
        rpc_quantiles{instance="n1@host",job="beam",quantile="0.5"} 0.25
        rpc_quantiles_sum{instance="n1@host",job="beam"} 10.5
        rpc_quantiles_count{instance="n1@host",job="beam"} 7
        # HELP rpc_seconds RPC latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{instance="n1@host",job="beam",le="0.1"} 1
        rpc_seconds_bucket{instance="n1@host",job="beam",le="+Inf"} 3
        rpc_seconds_sum{instance="n1@host",job="beam"} 0.75
        rpc_seconds_count{instance="n1@host",job="beam"} 3
        # EOF
        """;

    [Fact]
    public async Task Text_format_renders_every_node_merged_sorted_and_labelled()
    {
        var output = await RenderAsync(Renderer(Fixture.Create()), ExpositionFormat.PrometheusText);

        Assert.Equal(Text + "\n", output);
    }

    [Fact]
    public async Task OpenMetrics_format_renders_every_node_merged_sorted_and_labelled()
    {
        var output = await RenderAsync(Renderer(Fixture.Create()), ExpositionFormat.OpenMetrics);

        Assert.Equal(OpenMetrics + "\n", output);
    }
}
