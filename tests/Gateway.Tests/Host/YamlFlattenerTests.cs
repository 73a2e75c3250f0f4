using Gateway.Configuration;

namespace Gateway.Tests.Host;

public sealed class YamlFlattenerTests
{
    [Fact]
    public void Nested_mappings_and_sequences_become_configuration_keys()
    {
        var data = YamlFlattener.Flatten("""
            collect:
              interval: 15s
              prometheus:
                - job: rabbitmq
                  targets: [ 127.0.0.1:15692, "10.0.0.1:15692" ]
            exporters:
              console: {}
            """);

        Assert.Equal("15s", data["collect:interval"]);
        Assert.Equal("rabbitmq", data["collect:prometheus:0:job"]);
        Assert.Equal("127.0.0.1:15692", data["collect:prometheus:0:targets:0"]);
        Assert.Equal("10.0.0.1:15692", data["collect:prometheus:0:targets:1"]);
        Assert.True(data.ContainsKey("exporters:console"));
        Assert.Null(data["exporters:console"]);
    }

    [Fact]
    public void Placeholders_read_the_environment_and_unknown_ones_are_empty()
    {
        var env = new Dictionary<string, string> { ["TOKEN"] = "abc" };
        var data = YamlFlattener.Flatten("gateway:\n  apiToken: ${TOKEN}\n  other: x-${MISSING}-y\n  doc: ${from env}\n", n => env.GetValueOrDefault(n));

        Assert.Equal("abc", data["gateway:apiToken"]);
        Assert.Equal("x--y", data["gateway:other"]);
        Assert.Equal(string.Empty, data["gateway:doc"]);
    }

    [Fact]
    public void File_placeholders_read_a_trimmed_secret_file()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "  secret-value\n");
        var data = YamlFlattener.Flatten($"gateway:\n  apiToken: ${{file:{file}}}\n");
        Assert.Equal("secret-value", data["gateway:apiToken"]);
    }

    [Fact]
    public void A_missing_secret_file_names_the_file_but_no_content()
    {
        var e = Assert.Throws<ConfigurationFileException>(() => YamlFlattener.Flatten("a:\n  b: ${file:/nonexistent/secret}\n"));
        Assert.Contains("/nonexistent/secret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collect: [\n", "line")]
    [InlineData("- a\n- b\n", "top level must be a mapping")]
    [InlineData("a: 1\na: 2\n", "Duplicate key")]
    [InlineData("a: 1\nA: 2\n", "given twice")]
    [InlineData("a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("a: &x [1]\nb: *x\nc: [ { d: ] }\n", "line")]
    public void Malformed_yaml_is_a_clear_error(string yaml, string expected)
    {
        var e = Assert.Throws<ConfigurationFileException>(() => YamlFlattener.Flatten(yaml));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_documents_give_no_keys()
    {
        Assert.Empty(YamlFlattener.Flatten(string.Empty));
        Assert.Empty(YamlFlattener.Flatten("# only a comment\n"));
    }

    private const string YamlSyntax = "{}[]:-&*!|>'\"#%@`,\n\t ";

    [Fact]
    public void Random_mutations_of_a_config_give_keys_or_a_clear_error()
    {
        const string valid = "gateway:\n  listen: 127.0.0.1:9464\ncollect:\n  interval: 15s\n  prometheus:\n    - job: a\n      targets: [ \"x:1\", y:2 ]\n      fileSd: [ t/*.json ]\n";
        var random = new Random(4711);
        for (var i = 0; i < 3000; i++)
        {
            var chars = valid.ToCharArray().ToList();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars[at] = YamlSyntax[random.Next(YamlSyntax.Length)]; break;
                    case 1: chars.RemoveAt(at); break;
                    default: chars.Insert(at, (char)random.Next(1, 128)); break;
                }
            }
            try
            {
                YamlFlattener.Flatten(new string(chars.ToArray()), _ => null);
            }
            catch (ConfigurationFileException)
            {
                // A clear error is the other acceptable outcome.
            }
        }
    }
}
