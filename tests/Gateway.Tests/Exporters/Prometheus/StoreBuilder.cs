using Gateway.Core.Telemetry;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>Small helpers to fill a <see cref="MetricStore"/> and render it.</summary>
internal static class StoreBuilder
{
    public static readonly DateTimeOffset Time = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    public static LabelSet Labels(params (string Name, string Value)[] labels) =>
        LabelSet.Create(labels.Select(l => new Label(l.Name, l.Value)));

    public static Sample S(string name, double value, params (string Name, string Value)[] labels) =>
        new(name, Labels(labels), value);

    public static MetricFamily Family(string name, MetricType type, string help, params Sample[] samples) =>
        new(name, type, help, samples);

    public static NodeSnapshot Up(MetricStore store, NodeKey node, string source, IReadOnlyList<MetricFamily> families, LabelSet? targetLabels = null)
    {
        var snapshot = new NodeSnapshot(node, Time, families, targetLabels ?? LabelSet.Empty);
        store.Register(node, source);
        store.Update(snapshot, new NodeStatus(node, source, true, Time, TimeSpan.FromMilliseconds(12.5), snapshot.SampleCount, null, null, new Dictionary<string, string>()));
        return snapshot;
    }

    public static void Down(MetricStore store, NodeKey node, string source) =>
        store.MarkFailed(new NodeStatus(node, source, false, Time, TimeSpan.FromSeconds(5), 0, "timed out", "timeout", new Dictionary<string, string>()));

    public static PrometheusRenderer Renderer(MetricStore store, bool includeGatewayMetrics = false, IEnumerable<IMetricFamilyProvider>? providers = null, SelfMetrics? selfMetrics = null) =>
        new(store, new PrometheusExporterOptions { GatewayInstance = "gw:9464", IncludeGatewayMetrics = includeGatewayMetrics }, providers, selfMetrics);

    /// <summary>The gateway's own registry, labelled as <see cref="Renderer"/>'s gateway.</summary>
    public static SelfMetrics GatewaySelfMetrics() => new("gw:9464");

    public static async Task<string> RenderAsync(PrometheusRenderer renderer, ExpositionFormat format)
    {
        using var stream = new MemoryStream();
        await renderer.RenderAsync(stream, format);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
