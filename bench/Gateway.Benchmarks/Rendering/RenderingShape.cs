using System.Globalization;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;

namespace Gateway.Benchmarks.Rendering;

/// <summary>
/// Builds a store of <c>nodes</c> BEAM-like nodes with <c>seriesPerNode</c> series each: 10 families
/// per node (a few gauges, counters and one histogram), label sets interned across nodes as the
/// sources do.
/// </summary>
internal static class RenderingShape
{
    public static (int Nodes, int SeriesPerNode) Parse(string shape)
    {
        var parts = shape.Split('x');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public static MetricStore Build(int nodes, int seriesPerNode, out NodeSnapshot[] snapshots)
    {
        var interner = new LabelSetInterner();
        var perFamily = seriesPerNode / 10;
        var families = new List<Func<int, MetricFamily>>();
        for (var f = 0; f < 10; f++)
        {
            var family = f;
            var type = f switch { 9 => MetricType.Histogram, < 4 => MetricType.Gauge, _ => MetricType.Counter };
            families.Add(node => Family(interner, node, family, type, perFamily));
        }
        var store = new MetricStore();
        snapshots = new NodeSnapshot[nodes];
        var time = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < nodes; n++)
        {
            var key = new NodeKey("beam", $"node{n:D5}@host{n % 50}.example.com");
            var snapshot = new NodeSnapshot(key, time, families.Select(build => build(n)).ToArray(), LabelSet.Empty);
            snapshots[n] = snapshot;
            store.Register(key, "beam");
            store.Update(snapshot, new NodeStatus(key, "beam", true, time, TimeSpan.FromMilliseconds(3), snapshot.SampleCount, null, null, new Dictionary<string, string>()));
        }
        return store;
    }

    /// <summary>Stores a new snapshot object (same data) for every node: the next render encodes them all.</summary>
    public static void ReplaceAll(MetricStore store, NodeSnapshot[] snapshots)
    {
        for (var i = 0; i < snapshots.Length; i++)
        {
            snapshots[i] = snapshots[i] with { Time = snapshots[i].Time.AddSeconds(15) };
            var key = snapshots[i].Node;
            store.Update(snapshots[i], new NodeStatus(key, "beam", true, snapshots[i].Time, TimeSpan.FromMilliseconds(3), snapshots[i].SampleCount, null, null, new Dictionary<string, string>()));
        }
    }

    private static MetricFamily Family(LabelSetInterner interner, int node, int family, MetricType type, int count)
    {
        var random = new Random(node * 31 + family);
        var samples = new Sample[count];
        if (type == MetricType.Histogram)
        {
            var name = $"erlang_vm_bench_histogram_{family}_seconds";
            for (var i = 0; i < count; i++)
            {
                var le = i == count - 1 ? "+Inf" : (0.001 * (1 << Math.Min(i, 20))).ToString("R", CultureInfo.InvariantCulture);
                samples[i] = new Sample(name + "_bucket", interner.Intern(LabelSet.Create((IEnumerable<Label>)[new Label("le", le), new Label("pool", "p" + (i / 25))])), i * 10);
            }
            return new MetricFamily(name, type, "A benchmark histogram.", samples);
        }
        var baseName = type == MetricType.Counter ? $"erlang_vm_bench_counter_{family}_total" : $"erlang_vm_bench_gauge_{family}";
        for (var i = 0; i < count; i++)
        {
            var labels = interner.Intern(LabelSet.Create((IEnumerable<Label>)[new Label("kind", "kind" + i), new Label("scheduler", (i % 8).ToString(CultureInfo.InvariantCulture))]));
            var value = type == MetricType.Counter ? random.Next(0, int.MaxValue) * 16.0 : random.NextDouble() * 1e6;
            samples[i] = new Sample(baseName, labels, value);
        }
        return new MetricFamily(baseName, type, "A benchmark family.", samples);
    }
}
