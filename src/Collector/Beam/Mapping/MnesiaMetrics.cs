using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>prometheus_mnesia_collector, plus db node counts, from <c>mnesia</c> (absent when mnesia does not run).</summary>
internal static class MnesiaMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var m = TermAccess.Get(reply, "mnesia");
        if (m is not ErlangMap)
        {
            return;
        }

        ctx.Single("erlang_mnesia_held_locks", MetricType.Gauge, "Number of held locks.", TermAccess.Get(m, "held_locks"));
        ctx.Single("erlang_mnesia_lock_queue", MetricType.Gauge, "Number of transactions waiting for a lock.", TermAccess.Get(m, "lock_queue"));
        ctx.Single("erlang_mnesia_transaction_participants", MetricType.Gauge, "Number of participant transactions.",
            TermAccess.Get(m, "transaction_participants"));
        ctx.Single("erlang_mnesia_transaction_coordinators", MetricType.Gauge, "Number of coordinator transactions.",
            TermAccess.Get(m, "transaction_coordinators"));
        ctx.Single(ctx.Name("erlang_mnesia_failed_transactions", "erlang_mnesia_failed_transactions_total"), MetricType.Counter,
            "Number of failed (i.e. aborted) transactions.", TermAccess.Get(m, "transaction_failures"));
        ctx.Single(ctx.Name("erlang_mnesia_committed_transactions", "erlang_mnesia_committed_transactions_total"), MetricType.Counter,
            "Number of committed transactions.", TermAccess.Get(m, "transaction_commits"));
        ctx.Single(ctx.Name("erlang_mnesia_logged_transactions", "erlang_mnesia_logged_transactions_total"), MetricType.Counter,
            "Number of transactions logged.", TermAccess.Get(m, "transaction_log_writes"));
        ctx.Single(ctx.Name("erlang_mnesia_restarted_transactions", "erlang_mnesia_restarted_transactions_total"), MetricType.Counter,
            "Total number of transaction restarts.", TermAccess.Get(m, "transaction_restarts"));

        // tables => [{Table, Rows, Bytes}]
        var total = 0.0;
        var any = false;
        var memory = ctx.Family("erlang_mnesia_tablewise_memory_usage_bytes", MetricType.Gauge, "Number of bytes allocated per mnesia table");
        var size = ctx.Family("erlang_mnesia_tablewise_size", MetricType.Gauge, "Number of rows present per table");
        foreach (var item in TermAccess.Items(TermAccess.Get(m, "tables")))
        {
            if (item is not ErlangTuple { Arity: 3 } t || !TermAccess.TryText(t[0], out var table))
            {
                continue;
            }

            var labels = ctx.Labels("table", table);
            if (TermAccess.TryNumber(t[1], out var rows))
            {
                size.Add(labels, rows);
            }

            if (TermAccess.TryNumber(t[2], out var bytes))
            {
                memory.Add(labels, bytes);
                total += bytes;
                any = true;
            }
        }

        if (any)
        {
            ctx.Single("erlang_mnesia_memory_usage_bytes", MetricType.Gauge, "Total number of bytes allocated by all mnesia tables",
                ErlangTerm.Float(total));
        }

        ctx.Single("erlang_mnesia_db_nodes", MetricType.Gauge, "Number of nodes in the mnesia schema (mnesia:system_info(db_nodes)).",
            TermAccess.Get(m, "db_nodes"));
        ctx.Single("erlang_mnesia_running_db_nodes", MetricType.Gauge, "Number of mnesia nodes currently running (mnesia:system_info(running_db_nodes)).",
            TermAccess.Get(m, "running_db_nodes"));
    }
}
