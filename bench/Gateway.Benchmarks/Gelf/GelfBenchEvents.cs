using Gateway.Core.Events;

namespace Gateway.Benchmarks.Gelf;

/// <summary>Realistic events: an alarm raise, and a forwarded logger event with its usual metadata (~300 bytes of text).</summary>
internal static class GelfBenchEvents
{
    private static readonly DateTimeOffset Time = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static GatewayEvent Create(string kind) => kind == "alarm" ? Alarm() : Notification();

    public static GatewayEvent Alarm() => GatewayEvent.From(new AlarmEvent(
        Guid.NewGuid(),
        AlarmEventKind.Raised,
        new Alarm("3f0c6a1d9e2b4c57", "mim1@db-host-01", "high_run_queue", "run_queue", Severity.Major,
            "high_run_queue: erlang_vm_statistics_run_queues_length_total is 150 on mim1@db-host-01 (above 100)",
            Time, Time, 150, 100, Group: "mongooseim"),
        Severity.Cleared,
        Time));

    public static GatewayEvent Notification() => GatewayEvent.From(new Notification(
        Guid.NewGuid(),
        "mim1@db-host-01",
        Time,
        "error",
        "** Generic server mod_muc_room terminating\n** Last message in was {route,<0.1234.0>,{jid,<<\"room\">>,<<\"muc.example.org\">>}}\n** When Server state == {state,undefined,[]}\n** Reason for termination == badarg",
        new Dictionary<string, string>
        {
            ["pid"] = "<0.1234.0>",
            ["mfa"] = "{gen_server,error_info,7}",
            ["file"] = "gen_server.erl",
            ["line"] = "1343",
            ["domain"] = "[otp,sasl]",
        },
        "logger",
        "mongooseim"));
}
