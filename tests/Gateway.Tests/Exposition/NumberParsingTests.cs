using System.Globalization;
using System.Text;
using Gateway.Exposition;

namespace Gateway.Tests.Exposition;

public sealed class NumberParsingTests
{
    [Fact]
    public void Fast_decimal_values_equal_the_general_parser_bit_for_bit()
    {
        var random = new Random(7);
        var text = new StringBuilder();
        var expected = new List<double>();
        for (var i = 0; i < 5000; i++)
        {
            var whole = random.NextInt64(0, 10_000_000_000L);
            var fraction = random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture).PadLeft(random.Next(1, 6), '0');
            var value = (random.Next(2) == 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + "." + fraction;
            text.Append("a{i=\"").Append(i).Append("\"} ").Append(value).Append('\n');
            expected.Add(double.Parse(value, CultureInfo.InvariantCulture));
        }
        var samples = ParsedText.Parse(text.ToString(), ExpositionFormat.PrometheusText)[0].Samples;
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), samples.Select(s => BitConverter.DoubleToInt64Bits(s.Value)));
    }

    [Theory]
    [InlineData("-0", -0.0)]
    [InlineData("1.", 1.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("123456789012345.6", 123456789012345.6)]
    [InlineData("1234567890123456", 1234567890123456.0)]
    [InlineData("9.999999999999999", 9.999999999999999)]
    public void Edge_decimals_parse_exactly(string value, double expected)
    {
        var sample = ParsedText.Parse($"a {value}\n", ExpositionFormat.PrometheusText)[0].Samples[0];
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(sample.Value));
    }

    [Theory]
    [InlineData("1..2")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("1_000")]
    [InlineData("+NaN")]
    [InlineData("Infx")]
    public void Malformed_values_are_rejected(string value)
    {
        var error = ParsedText.Error($"a {value}\n", ExpositionFormat.PrometheusText);
        Assert.Contains("invalid sample value", error.Message, StringComparison.Ordinal);
    }
}
