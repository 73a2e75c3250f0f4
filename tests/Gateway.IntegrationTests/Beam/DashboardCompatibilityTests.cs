using Gateway.IntegrationTests.Peers;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.IntegrationTests.Beam;

/// <summary>
/// Prometheus scraping the gateway (<c>honor_labels: true</c>) answers the queries that public BEAM
/// dashboards built for prometheus.erl run, with data for every node — including the names older 4.x
/// releases used (<c>erlang_vm_statistics_run_queues_length_total</c>, <c>erlang_vm_ets_tables</c>), which
/// many published dashboards still query. Every query runs at one settled scrape time (see
/// <see cref="PrometheusServer.SettledTimeAsync"/>), so a scrape that times out on a busy machine while
/// the queries run cannot take a node's data away from some of them.
/// </summary>
public sealed class DashboardCompatibilityTests
{
    /// <summary>Panel queries of prometheus.erl-era BEAM dashboards (Erlang-BEAM, RabbitMQ's Erlang panels).</summary>
    public static readonly string[] Queries =
    [
        "erlang_vm_process_count", "erlang_vm_process_limit", "erlang_vm_port_count", "erlang_vm_port_limit",
        "erlang_vm_atom_count", "erlang_vm_atom_limit", "erlang_vm_ets_limit", "erlang_vm_ets_tables", "erlang_vm_dets_tables",
        "erlang_vm_memory_ets_tables", "erlang_vm_schedulers", "erlang_vm_schedulers_online", "erlang_vm_logical_processors",
        "erlang_vm_thread_pool_size",
        "erlang_vm_memory_bytes_total{kind=\"processes\"}", "erlang_vm_memory_bytes_total{kind=\"system\"}",
        "erlang_vm_memory_system_bytes_total{usage=\"atom\"}", "erlang_vm_memory_system_bytes_total{usage=\"binary\"}",
        "erlang_vm_memory_system_bytes_total{usage=\"code\"}", "erlang_vm_memory_system_bytes_total{usage=\"ets\"}",
        "erlang_vm_memory_system_bytes_total{usage=\"other\"}", "erlang_vm_memory_atom_bytes_total{usage=\"used\"}",
        "erlang_vm_memory_processes_bytes_total{usage=\"used\"}",
        "erlang_vm_statistics_run_queues_length_total", "erlang_vm_statistics_run_queues_length",
        "rate(erlang_vm_statistics_reductions_total[10s])", "rate(erlang_vm_statistics_context_switches[10s])",
        "rate(erlang_vm_statistics_garbage_collection_number_of_gcs[10s])",
        "rate(erlang_vm_statistics_garbage_collection_words_reclaimed[10s])",
        "rate(erlang_vm_statistics_bytes_received_total[10s])", "rate(erlang_vm_statistics_bytes_output_total[10s])",
        "rate(erlang_vm_statistics_runtime_milliseconds[10s])", "rate(erlang_vm_statistics_wallclock_time_milliseconds[10s])",
        "process_resident_memory_bytes", "process_virtual_memory_bytes", "process_open_fds", "process_max_fds",
        "process_threads_total", "rate(process_cpu_seconds_total[10s])", "process_start_time_seconds",
        "erlang_vm_dist_node_state", "erlang_vm_dist_send_bytes", "erlang_vm_dist_recv_bytes",
    ];

    [Fact]
    public async Task Every_dashboard_query_has_data_for_every_node()
    {
        await using var epmd = await EpmdProcess.StartAsync();
        await using var first = await ErlangNode.StartAsync(epmd);
        await using var second = await ErlangNode.StartAsync(epmd);
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 10s
              timeout: 10s
              beam:
                cookie: {{first.Cookie}}
                nodes: [ {{first.Name}}, {{second.Name}} ]
                epmdPort: {{epmd.Port}}
            """);
        await using var prometheus = await PrometheusServer.StartAsync($$"""
            scrape_configs:
              - job_name: gateway
                honor_labels: true
                static_configs:
                  - targets: [ "127.0.0.1:{{gateway.Port}}" ]
            """);
        string[] nodes = [first.Name, second.Name];

        // Rates need a few samples: wait until the slowest query has both nodes.
        string at = string.Empty;
        await Poll.UntilAsync(async () =>
            {
                if (await prometheus.SettledTimeAsync("gateway") is not { } settled)
                {
                    return false;
                }
                at = settled;
                return (await prometheus.QueryAsync("rate(erlang_vm_statistics_reductions_total[10s])", settled)).Length == 2;
            },
            TimeSpan.FromSeconds(120), "two nodes' reduction rates in Prometheus", () => gateway.Output);

        var missing = new List<string>();
        foreach (var query in Queries)
        {
            var result = await prometheus.QueryAsync(query, at);
            var instances = result.Select(r => r.GetProperty("metric").TryGetProperty("instance", out var i) ? i.GetString() : null).ToHashSet();
            foreach (var node in nodes.Where(n => !instances.Contains(n)))
            {
                missing.Add($"{query} has no data for {node}");
            }
        }
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
