using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// The WombatOAM-style figures prometheus.erl has no collector for: message queues, registered names,
/// loaded modules, applications, uptime, release info, and the agent's own forwarding counters.
/// </summary>
internal static class NodeExtraMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        AppendMessageQueues(TermAccess.Get(reply, "message_queues"), ctx);

        ctx.Single("erlang_vm_registered_processes", MetricType.Gauge, "The number of registered process names at the local node.",
            TermAccess.Get(reply, "registered"));
        ctx.Single("erlang_vm_loaded_modules", MetricType.Gauge, "The number of modules loaded at the local node.",
            TermAccess.Get(reply, "modules"));
        if (TermAccess.TryNumber(TermAccess.Get(reply, "uptime_ms"), out var uptimeMs))
        {
            ctx.Single("erlang_vm_uptime_seconds", MetricType.Gauge, "Time since the Erlang runtime system started, in seconds.",
                ErlangTerm.Float(uptimeMs / 1000));
        }

        var apps = ctx.Family("erlang_vm_application_info", MetricType.Gauge,
            "Applications running at the local node, with their versions (always 1).");
        foreach (var item in TermAccess.Items(TermAccess.Get(reply, "applications")))
        {
            if (item is ErlangTuple { Arity: >= 2 } t && TermAccess.TryText(t[0], out var app) && TermAccess.TryText(t[1], out var version))
            {
                apps.Add(ctx.Labels("application", app, "version", version), 1);
            }
        }

        if (TermAccess.TryText(TermAccess.Get(reply, "otp_release"), out var otp) && TermAccess.TryText(TermAccess.Get(reply, "erts_version"), out var erts))
        {
            var info = ctx.Family("erlang_vm_info", MetricType.Gauge, "OTP release and ERTS version of the node (always 1).");
            info.Add(ctx.Labels("erts_version", erts, "otp_release", otp), 1);
        }

        ctx.Single("gateway_agent_version", MetricType.Gauge, "Version of the gateway agent module answering on the node.",
            TermAccess.Get(reply, "agent_version"));
        AppendForwarding(TermAccess.Get(reply, "forwarding"), ctx);
    }

    // message_queues => #{total, scanned, processes, top => [{PidText, RegName | {M, F, A}, Len}]}
    private static void AppendMessageQueues(ErlangTerm? queues, BeamMappingContext ctx)
    {
        if (queues is not ErlangMap)
        {
            return;
        }

        ctx.Single("erlang_vm_message_queues_length_total", MetricType.Gauge,
            "Messages waiting in the message queues of all scanned processes.", TermAccess.Get(queues, "total"));
        ctx.Single("gateway_agent_message_queue_scanned_processes", MetricType.Gauge,
            "Processes whose message queue the agent read this cycle (capped by collect.beam max processes).",
            TermAccess.Get(queues, "scanned"));

        var top = ctx.ChurningFamily("erlang_vm_process_message_queue_length", MetricType.Gauge,
            "Message queue length of the processes with the longest queues (top N), by registered name or initial call.");
        foreach (var item in TermAccess.Items(TermAccess.Get(queues, "top")))
        {
            if (item is ErlangTuple { Arity: 3 } t && TermAccess.PidText(t[0]) is { } pid && TermAccess.TryNumber(t[2], out var length))
            {
                top.Add(BeamMappingContext.FreshLabels("pid", pid, "process", TermAccess.ProcessName(t[1])), length);
            }
        }
    }

    private static void AppendForwarding(ErlangTerm? forwarding, BeamMappingContext ctx)
    {
        if (forwarding is not ErlangMap || TermAccess.Get(forwarding, "installed") is not ErlangAtom { Name: "true" })
        {
            return;
        }

        ctx.Single("gateway_agent_log_events_forwarded_total", MetricType.Counter,
            "Logger events the agent sent to the gateway.", TermAccess.Get(forwarding, "logs_forwarded"));
        var dropped = ctx.Family("gateway_agent_log_events_dropped_total", MetricType.Counter,
            "Logger events the agent dropped instead of blocking the node: over the rate limit, or the link to the gateway busy or down.");
        if (TermAccess.TryNumber(TermAccess.Get(forwarding, "logs_dropped_rate"), out var rate))
        {
            dropped.Add(ctx.Labels("reason", "rate"), rate);
        }

        if (TermAccess.TryNumber(TermAccess.Get(forwarding, "logs_dropped_busy"), out var busy))
        {
            dropped.Add(ctx.Labels("reason", "busy"), busy);
        }

        ctx.Single("gateway_agent_alarms_forwarded_total", MetricType.Counter,
            "SASL alarm set/clear events the agent sent to the gateway.", TermAccess.Get(forwarding, "alarms_forwarded"));
        ctx.Single("gateway_agent_alarms_dropped_total", MetricType.Counter,
            "SASL alarm set/clear events the agent could not send (link busy or down).", TermAccess.Get(forwarding, "alarms_dropped"));

        // Agent v4+: handlers a collection found missing and added back.
        var readded = ctx.Family("gateway_agent_handlers_readded_total", MetricType.Counter,
            "Times a collection found the agent's logger or alarm_handler handler missing (removed on the node, or SASL started after the install) and added it back.");
        if (TermAccess.TryNumber(TermAccess.Get(forwarding, "logger_readded"), out var loggerReadded))
        {
            readded.Add(ctx.Labels("handler", "logger"), loggerReadded);
        }

        if (TermAccess.TryNumber(TermAccess.Get(forwarding, "alarm_handler_readded"), out var alarmReadded))
        {
            readded.Add(ctx.Labels("handler", "alarm_handler"), alarmReadded);
        }
    }
}
