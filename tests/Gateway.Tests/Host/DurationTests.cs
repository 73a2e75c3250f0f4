using Gateway.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Host;

public sealed class DurationTests
{
    [Theory]
    [InlineData("15s", 15_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0", 0)]
    [InlineData("00:00:15", 15_000)]
    [InlineData("1.5s", 1_500)]
    public void Prometheus_style_durations_parse(string text, long milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1x")]
    [InlineData("s")]
    [InlineData("15")]
    [InlineData("-5s")]
    [InlineData("99999999999999999999d")]
    public void Malformed_durations_are_rejected(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(500, "500ms")]
    [InlineData(0, "0s")]
    public void Durations_format_like_prometheus(long milliseconds, string expected) =>
        Assert.Equal(expected, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void The_converter_binds_durations_to_timespan_options()
    {
        DurationConverter.Register();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Interval"] = "1m30s" })
            .Build();
        var bound = configuration.Get<Holder>();
        Assert.Equal(TimeSpan.FromSeconds(90), bound!.Interval);
    }

    private sealed class Holder
    {
        public TimeSpan Interval { get; set; }
    }
}
