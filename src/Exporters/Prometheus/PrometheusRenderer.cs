using Gateway.Core.Metrics;
using Gateway.Core.Store;
using PromNet = global::Prometheus;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Renders <c>/metrics</c>: every up node's series (encoded once per snapshot and cached), the per-node
/// self-metrics, provided families and the gateway's own metrics, merged into one block per family
/// name, sorted by name then origin, and streamed to the destination in 64 KiB chunks.
/// Thread-safe; concurrent scrapes share the cache.
/// </summary>
public sealed class PrometheusRenderer
{
    /// <summary>Counts blocks left out because their type disagreed with the family's first declaration.</summary>
    public const string ConflictsFamily = "gateway_exporter_conflicting_families_total";

    private static readonly byte[] Eof = "# EOF\n"u8.ToArray();

    private readonly MetricStore _store;
    private readonly PrometheusExporterOptions _options;
    private readonly IMetricFamilyProvider[] _providers;
    private readonly PromNet.CollectorRegistry? _registry;
    private readonly GatewayIdentity _gateway;
    private readonly NodeEncodingCache _cache = new();
    private long _conflicts;
    private FamilyGrouper? _spareGrouper;

    /// <param name="store">The nodes' snapshots and statuses.</param>
    /// <param name="options">Exporter options (gateway identity, whether to include the gateway's own metrics).</param>
    /// <param name="providers">Extra families collected on every scrape.</param>
    /// <param name="registry">The prometheus-net registry of the gateway's own instrumentation; null for none.</param>
    public PrometheusRenderer(
        MetricStore store,
        PrometheusExporterOptions options,
        IEnumerable<IMetricFamilyProvider>? providers = null,
        PromNet.CollectorRegistry? registry = null)
    {
        _store = store;
        _options = options;
        _providers = providers?.ToArray() ?? [];
        _registry = registry;
        _gateway = new GatewayIdentity(options.GatewayJob, options.EffectiveGatewayInstance);
    }

    /// <summary>Family blocks skipped so far because of a type conflict.</summary>
    public long ConflictingFamilies => Interlocked.Read(ref _conflicts);

    /// <summary>How many node snapshots have been encoded (a warm cache encodes none).</summary>
    public long NodeEncodings => _cache.Encodings;

    /// <summary>Writes the whole exposition to <paramref name="destination"/> (flushed, not closed).</summary>
    public async Task RenderAsync(Stream destination, PrometheusExportFormat format, CancellationToken cancellationToken = default)
    {
        var entries = _store.Entries();
        // One grouper is kept for reuse; a concurrent scrape makes its own.
        var grouper = Interlocked.Exchange(ref _spareGrouper, null) ?? new FamilyGrouper();
        using var scratch = new PooledBufferWriter();
        try
        {
            foreach (var entry in entries)
            {
                if (entry.LiveSnapshot is { } snapshot)
                {
                    foreach (var block in _cache.Get(snapshot, format))
                    {
                        grouper.Add(block);
                    }
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
                foreach (var family in GatewayProcessMetrics.Collect())
                {
                    builder.AddFamily(family, _gateway.Labels);
                }
                if (_registry is not null)
                {
                    await AddRegistryAsync(builder, format, cancellationToken);
                }
            }
            foreach (var block in builder.Build(copy: false))
            {
                grouper.Add(block);
            }

            var arranged = grouper.Arrange(out var count);
            await WriteAsync(destination, arranged, count, format, cancellationToken);
        }
        finally
        {
            grouper.Reset();
            _spareGrouper = grouper;
        }
    }

    private async Task WriteAsync(Stream destination, EncodedBlock[] blocks, int count, PrometheusExportFormat format, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        var output = new ChunkedStreamWriter(destination, cancellationToken);
        await using (output)
        {
            var i = 0;
            while (i < count)
            {
                // Blocks of one name are adjacent, in origin order: the first declares the family.
                var first = blocks[i];
                await output.WriteAsync(first.Header);
                var j = i;
                while (j < count && string.Equals(blocks[j].Name, first.Name, StringComparison.Ordinal))
                {
                    var block = blocks[j];
                    if (string.Equals(block.Type, first.Type, StringComparison.Ordinal))
                    {
                        await output.WriteAsync(block.Lines);
                    }
                    else
                    {
                        conflicts++;
                    }
                    j++;
                }
                i = j;
            }
            if (format == PrometheusExportFormat.OpenMetrics)
            {
                await output.WriteAsync(Eof);
            }
            await output.FlushAsync();
        }
        if (conflicts > 0)
        {
            Interlocked.Add(ref _conflicts, conflicts);
        }
    }

    private async Task AddRegistryAsync(BlockBuilder builder, PrometheusExportFormat format, CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        await _registry!.CollectAndExportAsTextAsync(
            text,
            format == PrometheusExportFormat.OpenMetrics ? PromNet.ExpositionFormat.OpenMetricsText : PromNet.ExpositionFormat.PrometheusText,
            cancellationToken);
        RegistryExposition.Split(text.GetBuffer().AsSpan(0, (int)text.Length), builder, _gateway, GatewayProcessMetrics.Names(format));
    }

    private MetricFamily ConflictsCounter() => new(
        ConflictsFamily,
        MetricType.Counter,
        "Family blocks left out of /metrics because their type disagreed with the first declaration of the name.",
        [new Sample(ConflictsFamily, LabelSet.Empty, ConflictingFamilies)]);
}
