using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Streaming;

namespace Gateway.Tests.Core.Records;

/// <summary>Events and snapshots with fixed ids and times, for exact-text record tests.</summary>
internal static class RecordSamples
{
    public static readonly DateTimeOffset Time = new(2026, 11, 26, 8, 0, 1, 250, TimeSpan.Zero);

    public static readonly Guid EventId = Guid.Parse("0b8f4a52-3c1e-4f7e-9d55-7f1b2c3d4e5f");

    public static Alarm Alarm(Severity severity = Severity.Major, string? group = null) => new(
        "a1b2c3", "n1@host", "disk_full", "/var", severity, "disk /var is 97% full <check>",
        Time.AddMinutes(-5), Time, Value: 97.5, Threshold: double.NaN, Group: group);

    public static AlarmEvent AlarmEvent(AlarmEventKind kind = AlarmEventKind.Raised, Severity severity = Severity.Major, string? comment = null, string? group = null) =>
        new(EventId, kind, Alarm(severity, group), kind == AlarmEventKind.Raised ? Severity.Cleared : Severity.Major, Time, comment);

    public static Notification Notification() => new(
        EventId, "n1@host", Time, "error", "gen_server \"x\" crashed\nstack…",
        new Dictionary<string, string> { ["pid"] = "<0.42.0>", ["line"] = "12" }, "logger", "mongooseim");

    public static NodeEvent NodeDown() => new(EventId, "n1@host", NodeEventKind.Down, Time, "timeout", "beam", "mongooseim");

    public static StreamedSnapshot Snapshot()
    {
        var families = new[]
        {
            new MetricFamily("erlang_vm_process_count", MetricType.Gauge, "Processes.", [new Sample("erlang_vm_process_count", LabelSet.Empty, 42)]),
            new MetricFamily("odd", MetricType.Untyped, string.Empty,
            [
                new Sample("odd", LabelSet.Create(new Label("kind", "nan")), double.NaN),
                new Sample("odd", LabelSet.Create(new Label("kind", "inf")), double.PositiveInfinity, 1_764_144_001_000),
            ]),
        };
        return new StreamedSnapshot(new NodeSnapshot(new NodeKey("beam", "n1@host"), Time, families, LabelSet.Create(new Label("dc", "eu1"))));
    }
}
