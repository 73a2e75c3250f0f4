using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Gateway.Erlang.Benchmarks.Terms;

/// <summary>A column of units per second (MB/s of encoded bytes, or terms/s) for the benchmark's payload.</summary>
internal sealed class ThroughputColumn(string name, string unit, Func<string, double> unitsPerOperation) : IColumn
{
    public string Id => nameof(ThroughputColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{unit} per second for the payload";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        var payload = benchmarkCase.Parameters["Payload"] as string;
        if (stats is null || payload is null)
        {
            return "-";
        }

        var perSecond = unitsPerOperation(payload) / (stats.Mean / 1e9);
        return perSecond.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
