using System.Globalization;
using System.Text;

namespace Gateway.Benchmarks.Parsing;

/// <summary>
/// A node_exporter-like exposition of about 100,000 samples: counters and gauges with 2–4 labels,
/// histograms with 12 buckets, summaries with 5 quantiles. Deterministic (seeded).
/// </summary>
public static class ExpositionGenerator
{
    private static readonly string[] Modes = ["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"];
    private static readonly string[] Buckets = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"];
    private static readonly string[] Quantiles = ["0.5", "0.75", "0.9", "0.95", "0.99"];

    public static (byte[] Body, int Samples) Generate(bool openMetrics)
    {
        var random = new Random(42);
        var text = new StringBuilder(8 << 20);
        var samples = 0;

        // 50 counter families x 1,600 series, labels {cpu, mode} or {device, direction, instance, job}.
        for (var f = 0; f < 50; f++)
        {
            var name = $"node_metric_{f}_seconds";
            Header(text, openMetrics, name, "counter", $"Seconds spent in state {f}.");
            var series = openMetrics ? name + "_total" : name + "_total";
            for (var i = 0; i < 1600; i++)
            {
                text.Append(series);
                if (f % 2 == 0)
                {
                    text.Append("{cpu=\"").Append(i / Modes.Length).Append("\",mode=\"").Append(Modes[i % Modes.Length]).Append("\"}");
                }
                else
                {
                    text.Append("{device=\"eth").Append(i % 40).Append("\",direction=\"").Append(i % 2 == 0 ? "rx" : "tx")
                        .Append("\",instance=\"host-").Append(i / 40).Append(":9100\",job=\"node\"}");
                }
                text.Append(' ').Append((random.NextDouble() * 1e6).ToString("0.##", CultureInfo.InvariantCulture)).Append('\n');
                samples++;
            }
        }

        // 10 gauge families x 1,000 series with 2 labels, integer values.
        for (var f = 0; f < 10; f++)
        {
            var name = $"node_filesystem_{f}_bytes";
            Header(text, openMetrics, name, "gauge", "Filesystem size in bytes.");
            for (var i = 0; i < 1000; i++)
            {
                text.Append(name).Append("{device=\"/dev/sd").Append(i).Append("\",fstype=\"ext4\"} ")
                    .Append(random.NextInt64(1L << 40)).Append('\n');
                samples++;
            }
        }

        // 20 histogram families x 30 label sets x (12 buckets + sum + count).
        for (var f = 0; f < 20; f++)
        {
            var name = $"http_request_{f}_duration_seconds";
            Header(text, openMetrics, name, "histogram", "Request latency.");
            for (var i = 0; i < 30; i++)
            {
                var labels = $"handler=\"/api/v{i % 3}/items/{i}\",method=\"{(i % 2 == 0 ? "GET" : "POST")}\"";
                long cumulative = 0;
                foreach (var le in Buckets)
                {
                    cumulative += random.Next(1000);
                    text.Append(name).Append("_bucket{").Append(labels).Append(",le=\"").Append(le).Append("\"} ").Append(cumulative).Append('\n');
                }
                text.Append(name).Append("_sum{").Append(labels).Append("} ").Append((cumulative * 0.173).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                text.Append(name).Append("_count{").Append(labels).Append("} ").Append(cumulative).Append('\n');
                samples += Buckets.Length + 2;
            }
        }

        // 10 summary families x 20 label sets x (5 quantiles + sum + count).
        for (var f = 0; f < 10; f++)
        {
            var name = $"rpc_{f}_duration_seconds";
            Header(text, openMetrics, name, "summary", "RPC latency.");
            for (var i = 0; i < 20; i++)
            {
                var labels = $"service=\"svc{i}\"";
                foreach (var q in Quantiles)
                {
                    text.Append(name).Append('{').Append(labels).Append(",quantile=\"").Append(q).Append("\"} ")
                        .Append((random.NextDouble()).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                }
                text.Append(name).Append("_sum{").Append(labels).Append("} 1.7560473e+07\n");
                text.Append(name).Append("_count{").Append(labels).Append("} 2693\n");
                samples += Quantiles.Length + 2;
            }
        }

        if (openMetrics)
        {
            text.Append("# EOF\n");
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), samples);
    }

    private static void Header(StringBuilder text, bool openMetrics, string name, string type, string help)
    {
        // 0.0.4 names a counter by its series (x_total); OpenMetrics by the family (x).
        var family = !openMetrics && type == "counter" ? name + "_total" : name;
        text.Append("# HELP ").Append(family).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(family).Append(' ').Append(type).Append('\n');
    }
}
