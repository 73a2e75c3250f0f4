using System.Text;
using Gateway.Collector.Discovery;

namespace Gateway.Tests.Collector.Discovery;

public sealed class FileSdParserTests
{
    private const string Valid = """
        [
          { "targets": ["10.0.0.1:9100", "10.0.0.2:9100"], "labels": { "env": "prod", "__meta_x": "y" } },
          { "targets": ["db:9187"] }
        ]
        """;

    private static IReadOnlyList<FileSdGroup> Parse(string json) => FileSdParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Groups_with_targets_and_labels_are_read()
    {
        var groups = Parse(Valid);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["10.0.0.1:9100", "10.0.0.2:9100"], groups[0].Targets);
        Assert.Equal("prod", groups[0].Labels["env"]);
        Assert.Equal("y", groups[0].Labels["__meta_x"]);
        Assert.Equal(["db:9187"], groups[1].Targets);
        Assert.Empty(groups[1].Labels);
    }

    [Fact]
    public void An_empty_array_means_no_targets() => Assert.Empty(Parse("[]"));

    [Theory]
    [InlineData("{\"targets\": []}", "JSON array")]
    [InlineData("[{\"labels\": {}}]", "[0]: \"targets\" is missing")]
    [InlineData("[{\"targets\": \"a:1\"}]", "[0].targets: must be an array")]
    [InlineData("[{\"targets\": [\"a:1\", 5]}]", "[0].targets[1]: must be a non-empty string")]
    [InlineData("[{\"targets\": [\"a:1\"]}, {\"targets\": [], \"labels\": {\"env\": 1}}]", "[1].labels.env: must be a string")]
    [InlineData("[{\"targets\": [], \"labels\": {\"bad-name\": \"x\"}}]", "\"bad-name\" is not a valid label name")]
    [InlineData("[\n{\"targets\": [\"a:1\"],}\n]", "line 2: invalid JSON")]
    [InlineData("", "invalid JSON")]
    public void Malformed_files_fail_with_the_place_of_the_error(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_mutations_give_groups_or_a_format_exception()
    {
        var valid = Encoding.UTF8.GetBytes(Valid);
        var random = new Random(4242);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])valid.Clone();
            var mutations = random.Next(1, 6);
            for (var m = 0; m < mutations; m++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            var length = random.Next(4) == 0 ? random.Next(bytes.Length) : bytes.Length;
            try
            {
                var groups = FileSdParser.Parse(bytes.AsMemory(0, length));
                Assert.NotNull(groups);
            }
            catch (FormatException)
            {
                // Expected for most mutations.
            }
        }
    }
}
