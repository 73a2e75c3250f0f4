using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Tests.Core.Rules.Beam;

/// <summary>Builds node snapshots with just the families a test needs.</summary>
public static class Snapshots
{
    public static NodeSnapshot Of(string node, params MetricFamily[] families) =>
        new(new NodeKey("beam", node), DateTimeOffset.UnixEpoch, families, LabelSet.Empty);

    public static MetricFamily Gauge(string name, double value) =>
        new(name, MetricType.Gauge, "test", [new Sample(name, LabelSet.Empty, value)]);

    public static MetricFamily Labelled(string name, params (double Value, Label[] Labels)[] samples) =>
        new(name, MetricType.Gauge, "test", [.. samples.Select(s => new Sample(name, LabelSet.Create(s.Labels), s.Value))]);

    public static MetricFamily Apps(params (string App, string Version)[] apps) =>
        Labelled("erlang_vm_application_info", [.. apps.Select(a => (1.0, new[] { new Label("application", a.App), new Label("version", a.Version) }))]);
}
