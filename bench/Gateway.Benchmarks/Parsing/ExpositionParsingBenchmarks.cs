using BenchmarkDotNet.Attributes;
using Gateway.Collector.PrometheusText;
using Gateway.Exposition;
using Gateway.Core.Metrics;

namespace Gateway.Benchmarks.Parsing;

/// <summary>
/// Parsing a ~100,000-sample exposition. SteadyState reuses one parser (the production pattern: one
/// per target, scraped every interval); FirstScrape is a new parser over a warm shared interner (a new
/// target of a known kind). Divide the mean by the sample count for ns/sample, and Allocated likewise.
/// </summary>
[MemoryDiagnoser]
public class ExpositionParsingBenchmarks
{
    private readonly ParserLimits _limits = new();
    private LabelSetInterner _interner = null!;
    private MetricFamilyParser _parser = null!;
    private byte[] _body = null!;

    [Params(ExpositionFormat.PrometheusText, ExpositionFormat.OpenMetrics)]
    public ExpositionFormat Format { get; set; }

    public int Samples { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        (_body, var samples) = ExpositionGenerator.Generate(Format == ExpositionFormat.OpenMetrics);
        Samples = samples;
        _interner = new LabelSetInterner();
        _parser = new MetricFamilyParser(_interner);
        var parsed = _parser.Parse(_body, Format, _limits).Sum(f => f.Samples.Count);
        if (parsed != samples)
        {
            throw new InvalidOperationException($"generated {samples} samples, parsed {parsed}");
        }
        Console.WriteLine($"// {Format}: {samples} samples, {_body.Length} bytes");
    }

    [Benchmark]
    public int SteadyState() => _parser.Parse(_body, Format, _limits).Count;

    [Benchmark]
    public int FirstScrape() => new MetricFamilyParser(_interner).Parse(_body, Format, _limits).Count;
}
