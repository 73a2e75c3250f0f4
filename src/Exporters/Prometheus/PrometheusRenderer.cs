using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Renders <c>/metrics</c>: every up node's series, the per-node self-metrics, provided families and
/// the gateway's process metrics, merged into one block per family name, sorted by name then origin, and
/// streamed to the destination in 64 KiB chunks; then the <see cref="SelfMetrics"/> registry, written
/// by prometheus-net straight into the destination (its names are never declared by the merged part). Nodes' series are encoded while they are written,
/// straight from the stored snapshots: nothing proportional to the series count is built or kept
/// (an encoded copy of 10,000 nodes' series was ~420 MiB, more than the snapshots themselves).
/// Thread-safe.
/// </summary>
public sealed class PrometheusRenderer
{
    /// <summary>Counts blocks left out because their type disagreed with the family's first declaration.</summary>
    public const string ConflictsFamily = "gateway_exporter_conflicting_families_total";

    private static readonly byte[] Eof = "# EOF\n"u8.ToArray();

    private readonly MetricStore _store;
    private readonly PrometheusExporterOptions _options;
    private readonly IMetricFamilyProvider[] _providers;
    private readonly SelfMetrics? _selfMetrics;
    private readonly GatewayIdentity _gateway;
    private readonly NodeLabelsCache _nodeLabels = new(new LabelSetEncodings());
    private long _conflicts;
    private FamilyGrouper? _spareGrouper;

    /// <param name="store">The nodes' snapshots and statuses.</param>
    /// <param name="options">Exporter options (gateway identity, whether to include the gateway's own metrics).</param>
    /// <param name="providers">Extra families collected on every scrape.</param>
    /// <param name="selfMetrics">The gateway's own instruments (prometheus-net), written after everything else; null for none.</param>
    public PrometheusRenderer(
        MetricStore store,
        PrometheusExporterOptions options,
        IEnumerable<IMetricFamilyProvider>? providers = null,
        SelfMetrics? selfMetrics = null)
    {
        _store = store;
        _options = options;
        _providers = providers?.ToArray() ?? [];
        _selfMetrics = selfMetrics;
        _gateway = new GatewayIdentity(options.GatewayJob, options.EffectiveGatewayInstance);
    }

    /// <summary>Family blocks skipped so far because of a type conflict.</summary>
    public long ConflictingFamilies => Interlocked.Read(ref _conflicts);

    /// <summary>Writes the whole exposition to <paramref name="destination"/> (flushed, not closed).</summary>
    public async Task RenderAsync(Stream destination, ExpositionFormat format, CancellationToken cancellationToken = default)
    {
        var entries = _store.Entries();
        // One grouper is kept for reuse; a concurrent scrape makes its own.
        var grouper = Interlocked.Exchange(ref _spareGrouper, null) ?? new FamilyGrouper();
        using var scratch = new PooledBufferWriter();
        try
        {
            var render = _nodeLabels.BeginRender();
            foreach (var entry in entries)
            {
                if (entry.LiveSnapshot is { } snapshot)
                {
                    AddNode(grouper, snapshot, _nodeLabels.Get(snapshot, render), format);
                }
            }

            var builder = new BlockBuilder(scratch, format);
            NodeStatusFamilies.Write(builder, entries);
            builder.AddFamily(ConflictsCounter(), _gateway.Labels);
            foreach (var provider in _providers)
            {
                foreach (var family in provider.Collect())
                {
                    builder.AddFamily(family, _gateway.Labels);
                }
            }
            if (_options.IncludeGatewayMetrics)
            {
                foreach (var family in ProcessFamilies.Collect())
                {
                    builder.AddFamily(family, _gateway.Labels);
                }
            }
            foreach (var block in builder.Build(copy: false))
            {
                grouper.Add(block);
            }

            var order = grouper.Arrange(out var parts, out var groups, out var names, out var ends);
            var self = _options.IncludeGatewayMetrics ? _selfMetrics : null;
            await WriteAsync(destination, parts, order, groups, names, ends, format, self, cancellationToken);
            _nodeLabels.EndRender(render, entries.Count);
        }
        finally
        {
            grouper.Reset();
            _spareGrouper = grouper;
        }
    }

    private static void AddNode(FamilyGrouper grouper, NodeSnapshot snapshot, SeriesLabels labels, ExpositionFormat format)
    {
        foreach (var family in snapshot.Families)
        {
            var shape = FamilyShape.Of(family, format);
            var samples = family.Samples;
            var own = 0;
            for (var i = 0; i < samples.Count; i++)
            {
                if (shape.Contains(samples[i].Name))
                {
                    own++;
                }
            }
            var mixed = own < samples.Count;
            // A family without samples of its own is not declared (nothing to declare it for).
            if (own > 0)
            {
                grouper.Add(shape.Name, RenderPart.Own(family, labels, shape.Type, mixed));
            }
            if (mixed)
            {
                AddSplitOff(grouper, family, shape, labels);
            }
        }
    }

    private static void AddSplitOff(FamilyGrouper grouper, MetricFamily family, FamilyShape shape, SeriesLabels labels)
    {
        // Rare (mixed-format sources), so finding the distinct names may allocate.
        var names = new List<string>();
        foreach (var sample in family.Samples)
        {
            if (!shape.Contains(sample.Name) && !names.Contains(sample.Name))
            {
                names.Add(sample.Name);
                grouper.Add(sample.Name, RenderPart.SplitOff(family, labels, shape.SplitType(sample.Name), sample.Name));
            }
        }
    }

    private async Task WriteAsync(
        Stream destination, RenderPart[] parts, int[] order, int groups, string[] names, int[] ends, ExpositionFormat format, SelfMetrics? self, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        var openMetrics = format == ExpositionFormat.OpenMetrics;
        // The registry is written after the merged families: a name it declares stays out of them
        // (counted as a conflict), or the family would be declared twice.
        var reserved = self?.FamilyNames(openMetrics);
        using var scratch = new PooledBufferWriter(16 * 1024);
        var output = new ChunkedStreamWriter(destination, cancellationToken);
        await using (output)
        {
            var i = 0;
            for (var g = 0; g < groups; g++)
            {
                if (reserved is not null && reserved.Contains(names[g]))
                {
                    conflicts += ends[g] - i;
                    i = ends[g];
                    continue;
                }
                // Parts of one name are adjacent, in origin order: the first declares the family.
                var first = parts[order[i]];
                scratch.Clear();
                WriteDeclaration(scratch, names[g], first, format);
                await output.WriteAsync(scratch.WrittenMemory);
                for (; i < ends[g]; i++)
                {
                    var part = parts[order[i]];
                    if (!string.Equals(part.Type, first.Type, StringComparison.Ordinal))
                    {
                        conflicts++;
                    }
                    else if (part.Block is { } block)
                    {
                        await output.WriteAsync(block.Lines);
                    }
                    else
                    {
                        scratch.Clear();
                        WriteLines(scratch, part, format);
                        await output.WriteAsync(scratch.WrittenMemory);
                    }
                }
            }
            if (self is not null)
            {
                // prometheus-net writes its families (and, in OpenMetrics, the one # EOF) itself.
                await output.DrainAsync();
                await self.WriteAsync(destination, openMetrics, cancellationToken);
            }
            else
            {
                if (openMetrics)
                {
                    await output.WriteAsync(Eof);
                }
                await output.FlushAsync();
            }
        }
        if (conflicts > 0)
        {
            Interlocked.Add(ref _conflicts, conflicts);
        }
    }

    private static void WriteDeclaration(PooledBufferWriter writer, string name, in RenderPart part, ExpositionFormat format)
    {
        if (part.Block is { } block)
        {
            ExpositionText.WriteBytes(writer, block.Header.Span);
            return;
        }
        var family = part.Family!;
        BlockBuilder.WriteDeclaration(writer, name, part.Type, family.Help, part.Split is null ? family.Unit : string.Empty, format);
    }

    private static void WriteLines(PooledBufferWriter writer, in RenderPart part, ExpositionFormat format)
    {
        var family = part.Family!;
        var labels = part.Labels!;
        var samples = family.Samples;
        if (part.Split is { } split)
        {
            for (var i = 0; i < samples.Count; i++)
            {
                var sample = samples[i];
                if (string.Equals(sample.Name, split, StringComparison.Ordinal))
                {
                    BlockBuilder.WriteSample(writer, sample, labels, format);
                }
            }
            return;
        }
        if (!part.Mixed)
        {
            for (var i = 0; i < samples.Count; i++)
            {
                BlockBuilder.WriteSample(writer, samples[i], labels, format);
            }
            return;
        }
        var shape = FamilyShape.Of(family, format);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (shape.Contains(sample.Name))
            {
                BlockBuilder.WriteSample(writer, sample, labels, format);
            }
        }
    }

    private MetricFamily ConflictsCounter() => new(
        ConflictsFamily,
        MetricType.Counter,
        "Family blocks left out of /metrics because their type disagreed with the first declaration of the name.",
        [new Sample(ConflictsFamily, LabelSet.Empty, ConflictingFamilies)]);
}
