using System.Text;
using Gateway.Collector.PrometheusText;
using Gateway.Exposition;
using Gateway.Core.Metrics;

namespace Gateway.Tests.Exposition;

public sealed class ExpositionParserFuzzTests
{
    private const string TextSeed = """
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000
        msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9
        something_weird{problem="division by zero"} +Inf -3982045
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{le="0.05"} 24054
        http_request_duration_seconds_bucket{le="+Inf"} 144320
        http_request_duration_seconds_sum 53423
        http_request_duration_seconds_count 144320
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.01"} 3102
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693

        """;

    private const string OpenMetricsSeed = """
        # TYPE foo histogram
        # UNIT foo seconds
        # HELP foo A \"help\".
        foo_bucket{le="0.01"} 0
        foo_bucket{le="0.1"} 8 # {} 0.054
        foo_bucket{le="10"} 17 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
        foo_bucket{le="+Inf"} 17
        foo_count 17
        foo_sum 324789.3
        foo_created 1520430000.123
        # TYPE c counter
        c_total{a="x\\y"} 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
        # TYPE s stateset
        s{s="a"} 1
        # TYPE i info
        i_info{v="1"} 1
        # EOF

        """;

    private static readonly string[] Junk =
    [
        "{", "}", "\"", "\\", "=", ",", " ", "\t", "\n", "\r\n", "#", "# EOF\n", "# TYPE ", "# HELP ", "NaN", "+Inf",
        "1e999", "_total", "_bucket", "{le=\"", "\xC3", "\xFF", "\0", "9223372036854775808", " # {", "\\q",
    ];

    [Fact]
    public void Random_mutations_of_valid_expositions_give_families_or_a_parse_exception()
    {
        var random = new Random(20261126);
        var interner = new LabelSetInterner();
        var parsers = new Dictionary<ExpositionFormat, MetricFamilyParser>
        {
            [ExpositionFormat.PrometheusText] = new(interner),
            [ExpositionFormat.OpenMetrics] = new(interner),
        };
        var limits = new ParserLimits { MaxLineLength = 100_000 };
        var parsed = 0;
        var rejected = 0;
        for (var i = 0; i < 4000; i++)
        {
            var format = random.Next(2) == 0 ? ExpositionFormat.PrometheusText : ExpositionFormat.OpenMetrics;
            var seed = Encoding.UTF8.GetBytes(format == ExpositionFormat.OpenMetrics ? OpenMetricsSeed : TextSeed);
            var input = Mutate(random, seed, i);
            var parser = random.Next(10) == 0 ? new MetricFamilyParser(interner) : parsers[format];
            try
            {
                var families = parser.Parse(input, format, random.Next(4) == 0 ? new ParserLimits() : limits);
                Assert.All(families, f => Assert.NotNull(f.Samples));
                parsed++;
            }
            catch (ExpositionParseException e)
            {
                Assert.Contains(e.Reason, new[] { "parse", "sample_limit", "label_limit" });
                Assert.True(e.Line >= 1, e.Message);
                Assert.StartsWith($"line {e.Line}: ", e.Message, StringComparison.Ordinal);
                Assert.True(e.Message.Length < 400, e.Message);
                rejected++;
            }
        }
        // Both outcomes must actually occur, or the mutations are not exercising the parser.
        Assert.True(parsed > 100, $"parsed {parsed}");
        Assert.True(rejected > 100, $"rejected {rejected}");
    }

    [Fact]
    public void A_megabyte_of_open_braces_is_rejected_in_both_formats_with_and_without_limits()
    {
        var input = new byte[1 << 20];
        Array.Fill(input, (byte)'{');
        var unlimited = new ParserLimits
        {
            MaxSamples = 0,
            MaxLabelsPerSample = 0,
            MaxLabelNameLength = 0,
            MaxLabelValueLength = 0,
            MaxLineLength = 0,
        };
        foreach (var format in new[] { ExpositionFormat.PrometheusText, ExpositionFormat.OpenMetrics })
        {
            foreach (var limits in new[] { new ParserLimits(), unlimited })
            {
                var parser = new MetricFamilyParser(new LabelSetInterner());
                var error = Assert.Throws<ExpositionParseException>(() => parser.Parse(input, format, limits));
                Assert.Equal("parse", error.Reason);
                Assert.Equal(1, error.Line);
            }
        }
    }

    [Fact]
    public void A_megabyte_of_label_pairs_without_limits_parses_without_recursion()
    {
        var builder = new StringBuilder("a{");
        for (var i = 0; builder.Length < (1 << 20); i++)
        {
            builder.Append('l').Append(i).Append("=\"v\",");
        }
        builder.Append("} 1\n");
        var unlimited = new ParserLimits
        {
            MaxSamples = 0,
            MaxLabelsPerSample = 0,
            MaxLabelNameLength = 0,
            MaxLabelValueLength = 0,
            MaxLineLength = 0,
        };
        var family = Assert.Single(ParsedText.Parse(builder.ToString(), ExpositionFormat.PrometheusText, unlimited));
        Assert.True(family.Samples[0].Labels.Count > 50_000);
    }

    private static byte[] Mutate(Random random, byte[] seed, int iteration)
    {
        var bytes = new List<byte>(seed);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(iteration % 500 == 0 ? 10 : 8))
            {
                case 0:
                    if (bytes.Count > 0)
                    {
                        var at = random.Next(bytes.Count);
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }
                    break;
                case 1:
                    bytes.RemoveRange(random.Next(bytes.Count + 1) is var cut && cut < bytes.Count ? cut : bytes.Count, bytes.Count - Math.Min(cut, bytes.Count));
                    break;
                case 2:
                    {
                        var lines = Lines(bytes);
                        var line = lines[random.Next(lines.Count)];
                        bytes.InsertRange(random.Next(bytes.Count + 1), line);
                    }
                    break;
                case 3:
                    {
                        var lines = Lines(bytes);
                        var index = random.Next(lines.Count);
                        bytes.Clear();
                        for (var l = 0; l < lines.Count; l++)
                        {
                            bytes.AddRange(l == index ? lines[l].Take(random.Next(lines[l].Length + 1)) : lines[l]);
                        }
                    }
                    break;
                case 4:
                case 5:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.Latin1.GetBytes(Junk[random.Next(Junk.Length)]));
                    break;
                case 6:
                    {
                        var junk = new byte[random.Next(1, 16)];
                        random.NextBytes(junk);
                        bytes.InsertRange(random.Next(bytes.Count + 1), junk);
                    }
                    break;
                case 7:
                    {
                        var value = Encoding.ASCII.GetBytes("x{l=\"" + new string('v', random.Next(1, 20_000)) + "\"} 1\n");
                        bytes.InsertRange(LineStart(bytes, random), value);
                    }
                    break;
                case 8:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat((byte)'a', 200_000));
                    break;
                default:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat((byte)'{', 1 << 20));
                    break;
            }
        }
        return [.. bytes];
    }

    private static List<byte[]> Lines(List<byte> bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add(bytes.GetRange(start, i - start + 1).ToArray());
                start = i + 1;
            }
        }
        lines.Add(bytes.GetRange(start, bytes.Count - start).ToArray());
        return lines;
    }

    private static int LineStart(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count + 1);
        while (at > 0 && bytes[at - 1] != '\n')
        {
            at--;
        }
        return at;
    }
}
