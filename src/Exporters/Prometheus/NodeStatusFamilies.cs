using Gateway.Core.Store;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// The per-node self-metrics, written straight from <see cref="Gateway.Core.Nodes.NodeStatus"/> without
/// building families: <c>gateway_node_up</c>, <c>gateway_scrape_duration_seconds</c>,
/// <c>gateway_scrape_samples</c>, each labelled with the node's <c>instance</c> and <c>job</c>.
/// </summary>
internal static class NodeStatusFamilies
{
    public const string Up = "gateway_node_up";
    public const string Duration = "gateway_scrape_duration_seconds";
    public const string Samples = "gateway_scrape_samples";

    public static void Write(BlockBuilder builder, IReadOnlyList<NodeEntry> entries)
    {
        builder.BeginBlock(Up, "gauge", "Whether the last collection from the node succeeded (1) or not (0); 0 until the first one.", string.Empty);
        foreach (var entry in entries)
        {
            WriteLine(builder, Up, entry, entry.Status.Up ? 1 : 0);
        }
        builder.EndBlock();

        builder.BeginBlock(Duration, "gauge", "How long the last collection from the node took.", "seconds");
        foreach (var entry in entries)
        {
            if (entry.Status.LastDuration is { } duration)
            {
                WriteLine(builder, Duration, entry, duration.TotalSeconds);
            }
        }
        builder.EndBlock();

        builder.BeginBlock(Samples, "gauge", "Samples in the last successful collection from the node.", string.Empty);
        foreach (var entry in entries)
        {
            if (entry.Status.LastScrape is not null)
            {
                WriteLine(builder, Samples, entry, entry.Status.Samples);
            }
        }
        builder.EndBlock();
    }

    private static void WriteLine(BlockBuilder builder, string name, NodeEntry entry, double value)
    {
        var writer = builder.Writer;
        ExpositionText.WriteString(writer, name);
        ExpositionText.WriteByte(writer, (byte)'{');
        ExpositionText.WriteLabelPair(writer, "instance", entry.Status.Node.Instance);
        ExpositionText.WriteByte(writer, (byte)',');
        ExpositionText.WriteLabelPair(writer, "job", entry.Status.Node.Job);
        ExpositionText.WriteBytes(writer, "} "u8);
        ExpositionText.WriteValue(writer, value);
        ExpositionText.WriteByte(writer, (byte)'\n');
    }
}
