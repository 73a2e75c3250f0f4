using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Outbox;
using Gateway.Core.Records;
using Gateway.Core.Streaming;
using Gateway.Exporters.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Kafka;

/// <summary>
/// End to end against a running broker (kafka-bench.sh starts librdkafka's mock cluster): alarm events
/// through the outbox and the Kafka exporter vs <c>kcat -P</c> sending the same keys and payloads with
/// the same producer settings, alternating, in the same run; then metric-snapshot cycles of many nodes
/// (process CPU, wall time, record bytes). Prints a Markdown table per part.
/// </summary>
internal static class KafkaBench
{
    private const string GatewayTopic = "bench.gateway";
    private const string KcatTopic = "bench.kcat";
    private const string MetricsTopic = "bench.metrics";

    public static async Task RunAsync(string[] args)
    {
        var brokers = args[0];
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var nodes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
        Console.WriteLine($"# Kafka bench: {events} alarm events x {runs} runs, {nodes} nodes; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}");

        var batch = AlarmEvents(events);
        if (Environment.GetEnvironmentVariable("KAFKA_BENCH_EXPLORE") is not null)
        {
            foreach (var (size, linger) in new[] { (500, "1"), (500, "0"), (500, "5"), (5000, "1"), (500, "1"), (500, "0"), (500, "5"), (5000, "1") })
            {
                Console.WriteLine($"exporter alone, batches of {size}, linger.ms {linger}: {await ExporterAloneAsync(brokers, batch, size, linger):N0} records/s");
            }
            return;
        }
        var input = Path.Combine(Path.GetTempPath(), $"kafka-bench-{Environment.ProcessId}.tsv");
        await WriteKcatInputAsync(batch, input);
        var oneLine = input + ".1";
        await WriteKcatInputAsync(batch[..1], oneLine);
        Console.WriteLine();
        Console.WriteLine("| run | kcat -P records/s | exporter alone, batches of 500 | gateway (outbox, maxBatchEvents 500) records/s | ratio | gateway (maxBatchEvents 5000) records/s | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (var run = 1; run <= runs; run++)
        {
            var kcat = await KcatAsync(brokers, input, events, oneLine);
            var alone = await ExporterAloneAsync(brokers, batch, 500);
            var small = await GatewayAsync(brokers, batch, 500);
            var large = await GatewayAsync(brokers, batch, 5000);
            Console.WriteLine($"| {run} | {kcat:N0} | {alone:N0} | {small:N0} | {small / kcat:0.00} | {large:N0} | {large / kcat:0.00} |");
        }
        File.Delete(input);
        File.Delete(oneLine);

        Console.WriteLine();
        Console.WriteLine($"| recordPer | cycle | nodes | records | JSON bytes | wall s | CPU s (process) | of which JSON writing, s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var sources = Snapshots(nodes);
        foreach (var perFamily in new[] { false, true })
        {
            await MetricCyclesAsync(brokers, sources, perFamily, runs);
        }
    }

    private static GatewayEvent[] AlarmEvents(int count)
    {
        var time = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var node = $"mim{i % 1000}@host{i % 50}";
            var alarm = new Alarm($"{i % 5000:x8}0123456789ab", node, "high_run_queue", "high_run_queue", Severity.Major,
                $"high_run_queue: run queue is 150 on {node} (above 100)", time, time.AddMilliseconds(i), 150, 100);
            return GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Raised, alarm, Severity.Cleared, time.AddMilliseconds(i)));
        }).ToArray();
    }

    private static async Task WriteKcatInputAsync(GatewayEvent[] batch, string path)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var e in batch)
        {
            // The same key and value the exporter produces (JSON has no raw tab or newline).
            await writer.WriteAsync(e.Alarm!.Alarm.Id);
            await writer.WriteAsync('\t');
            await writer.WriteAsync(Encoding.UTF8.GetString(EventRecords.Serialize(e)));
            await writer.WriteAsync('\n');
        }
    }

    // Steady state, like the exporter's (connected, warmed up): kcat's time for one record — start,
    // connect, metadata, producer id, flush — is taken off its time for all of them.
    private static async Task<double> KcatAsync(string brokers, string input, int events, string oneLine)
    {
        var all = await KcatSecondsAsync(brokers, input);
        var setup = await KcatSecondsAsync(brokers, oneLine);
        return events / Math.Max(all - setup, 1e-3);
    }

    private static async Task<double> KcatSecondsAsync(string brokers, string input)
    {
        var info = new ProcessStartInfo("kcat") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-P", "-b", brokers, "-t", KcatTopic, "-K", "\t", "-l", input,
            "-X", "enable.idempotence=true", "-X", "acks=all", "-X", "compression.type=lz4", "-X", "linger.ms=1", "-X", "socket.nagle.disable=true",
        })
        {
            info.ArgumentList.Add(a);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kcat -P exited with {process.ExitCode}: {await errors}");
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> GatewayAsync(string brokers, GatewayEvent[] batch, int maxBatchEvents)
    {
        var dir = Directory.CreateTempSubdirectory("kafka-bench-").FullName;
        try
        {
            var options = new KafkaExporterOptions { Brokers = brokers, Topics = new KafkaTopicsOptions { Alarms = GatewayTopic } };
            options.Outbox.MaxBatchEvents = maxBatchEvents;
            options.Outbox.MaxBatchBytes = 64L * 1024 * 1024;
            using var outbox = new EventOutbox("kafka", EventOutbox.PathFor(dir, "kafka"), options.Outbox, TimeProvider.System, NullLogger.Instance);
            for (var i = 0; i < batch.Length; i += 1000)
            {
                await outbox.AppendAsync(new ArraySegment<GatewayEvent>(batch, i, Math.Min(1000, batch.Length - i)));
            }
            using var exporter = new KafkaExporter(options, TimeProvider.System, NullLogger<KafkaExporter>.Instance);
            await exporter.DeliverAsync(AlarmEvents(1), CancellationToken.None);   // connected, producer id, JIT
            var delivery = new OutboxDelivery(exporter, outbox, options.Outbox, TimeProvider.System, NullLogger.Instance);
            var watch = Stopwatch.StartNew();
            DeliveryStep step;
            while ((step = await delivery.DeliverOnceAsync(CancellationToken.None)).Outcome != DeliveryOutcome.Idle)
            {
                if (step.Outcome != DeliveryOutcome.Delivered)
                {
                    throw new InvalidOperationException($"delivery {step.Outcome}: {step.Reason}");
                }
            }
            watch.Stop();
            return outbox.Statistics.Delivered / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Without the outbox: what the exporter and librdkafka alone sustain, batch after batch.
    private static async Task<double> ExporterAloneAsync(string brokers, GatewayEvent[] batch, int size, string? linger = null)
    {
        var options = new KafkaExporterOptions { Brokers = brokers, Topics = new KafkaTopicsOptions { Alarms = GatewayTopic } };
        if (linger is not null)
        {
            options.Config["linger.ms"] = linger;
        }
        using var exporter = new KafkaExporter(options, TimeProvider.System, NullLogger<KafkaExporter>.Instance);
        await exporter.DeliverAsync(AlarmEvents(1), CancellationToken.None);   // connected, producer id, JIT
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < batch.Length; i += size)
        {
            var result = await exporter.DeliverAsync(new ArraySegment<GatewayEvent>(batch, i, Math.Min(size, batch.Length - i)), CancellationToken.None);
            if (result != Core.Export.DeliveryResult.Delivered)
            {
                throw new InvalidOperationException($"delivery failed: {result}");
            }
        }
        watch.Stop();
        return batch.Length / watch.Elapsed.TotalSeconds;
    }

    private static async Task MetricCyclesAsync(string brokers, NodeSnapshot[] sources, bool perFamily, int cycles)
    {
        var options = new KafkaExporterOptions
        {
            Brokers = brokers,
            Topics = new KafkaTopicsOptions { Metrics = MetricsTopic },
            Metrics = new KafkaMetricsOptions { RecordPer = perFamily ? KafkaMetricsOptions.PerFamily : KafkaMetricsOptions.PerNode },
        };
        using var exporter = new KafkaStreamingExporter(new KafkaExporter(options, TimeProvider.System, NullLogger<KafkaExporter>.Instance), TimeProvider.System);
        var mapper = new KafkaRecordMapper(options.Topics, perFamily);
        var self = Process.GetCurrentProcess();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            // Fresh snapshots each cycle, as after a collection: their labelling is part of the cost.
            var snapshots = sources.Select(s => new StreamedSnapshot(s with { Time = s.Time.AddSeconds(15 * cycle) })).ToArray();
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await exporter.ExportAsync(snapshots, CancellationToken.None);
            watch.Stop();
            self.Refresh();
            var used = self.TotalProcessorTime - cpu;
            // Serialising again (the snapshots are labelled by now): the JSON writing alone.
            var serialize = Stopwatch.StartNew();
            var records = new List<KafkaRecord>();
            long bytes = 0;
            var count = 0;
            foreach (var snapshot in snapshots)
            {
                records.Clear();
                mapper.Map(snapshot, records);
                count += records.Count;
                bytes += records.Sum(r => (long)(r.Value?.Length ?? 0));
            }
            serialize.Stop();
            Console.WriteLine($"| {(perFamily ? "family" : "node")} | {cycle} | {snapshots.Length:N0} | {count:N0} | {bytes / 1024.0 / 1024.0:0.0} MiB ({bytes / snapshots.Length:N0} B/node) | {watch.Elapsed.TotalSeconds:0.00} | {used.TotalSeconds:0.00} | {serialize.Elapsed.TotalSeconds:0.00} |");
        }
    }

    /// <summary>
    /// BEAM-node-like snapshots: ~400 series in 40 families (gauges, labelled memory/allocator
    /// families, counters, a histogram), like the load simulator's nodes (3.6 M series for 10,000).
    /// </summary>
    private static NodeSnapshot[] Snapshots(int nodes)
    {
        var families = new List<MetricFamily>();
        for (var g = 0; g < 30; g++)
        {
            families.Add(new MetricFamily($"erlang_vm_gauge_{g}", MetricType.Gauge, "A gauge of the VM.", [new Sample($"erlang_vm_gauge_{g}", LabelSet.Empty, 1000 + g)]));
        }
        string[] kinds = ["system", "processes", "atom", "binary", "code", "ets", "processes_used", "atom_used"];
        for (var f = 0; f < 5; f++)
        {
            var name = $"erlang_vm_memory_{f}_bytes_total";
            families.Add(new MetricFamily(name, MetricType.Gauge, "Memory by kind.",
                kinds.Select((k, i) => new Sample(name, LabelSet.Create(new Label("kind", k)), 1_000_000.0 * (i + 1))).ToArray()));
        }
        var allocators = new List<Sample>();
        foreach (var alloc in new[] { "binary_alloc", "driver_alloc", "eheap_alloc", "ets_alloc", "fix_alloc", "ll_alloc", "sl_alloc", "std_alloc", "temp_alloc", "literal_alloc" })
        {
            for (var instance = 0; instance < 4; instance++)
            {
                foreach (var kind in new[] { "mbcs", "sbcs" })
                {
                    foreach (var usage in new[] { "blocks", "blocks_size", "carriers", "carriers_size" })
                    {
                        allocators.Add(new Sample("erlang_vm_allocators", LabelSet.Create(new Label("alloc", alloc), new Label("instance_no", instance.ToString(CultureInfo.InvariantCulture)), new Label("kind", kind), new Label("usage", usage)), 4096 * instance));
                    }
                }
            }
        }
        families.Add(new MetricFamily("erlang_vm_allocators", MetricType.Gauge, "Allocated memory per allocator.", allocators));
        families.Add(new MetricFamily("erlang_vm_statistics_reductions_total", MetricType.Counter, "Reductions.", [new Sample("erlang_vm_statistics_reductions_total", LabelSet.Empty, 123456789)]));
        families.Add(new MetricFamily("erlang_vm_statistics_bytes_output_total", MetricType.Counter, "Bytes out.", [new Sample("erlang_vm_statistics_bytes_output_total", LabelSet.Empty, 987654321)]));
        var buckets = new List<Sample>();
        foreach (var le in new[] { "0.001", "0.005", "0.01", "0.05", "0.1", "0.5", "1", "5", "10", "+Inf" })
        {
            buckets.Add(new Sample("app_request_duration_seconds_bucket", LabelSet.Create(new Label("le", le)), 42));
        }
        buckets.Add(new Sample("app_request_duration_seconds_sum", LabelSet.Empty, 3.25));
        buckets.Add(new Sample("app_request_duration_seconds_count", LabelSet.Empty, 42));
        families.Add(new MetricFamily("app_request_duration_seconds", MetricType.Histogram, "Request durations.", buckets));
        var time = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, nodes)
            .Select(i => new NodeSnapshot(new NodeKey("beam", $"mim{i}@host{i % 100}"), time, families, LabelSet.Empty))
            .ToArray();
    }
}
