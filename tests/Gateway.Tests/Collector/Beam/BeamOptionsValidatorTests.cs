using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Options;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamOptionsValidatorTests
{
    private static IReadOnlyList<string> Errors(BeamOptions beam) => CollectOptionsValidator.Validate(new CollectOptions { Beam = beam });

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(Errors(new BeamOptions()));
    }

    [Fact]
    public void Agent_options_out_of_range_are_each_reported_with_their_yaml_path()
    {
        var beam = new BeamOptions();
        beam.AgentOptions.MaxProcesses = -1;
        beam.AgentOptions.TopN = 0;
        beam.AgentOptions.CallTimeout = TimeSpan.FromMinutes(2);
        beam.AgentOptions.LogsPerSecond = 0;
        beam.AgentOptions.LogMaxBytes = 100;

        Assert.Equal(
            [
                "collect.beam.agentOptions.maxProcesses: must be 0 or more (is -1)",
                "collect.beam.agentOptions.topN: must be 1 to 100 (is 0)",
                "collect.beam.agentOptions.callTimeout: must be 1ms to 1m (is 120000ms)",
                "collect.beam.agentOptions.logsPerSecond: must be at least 1 (is 0)",
                "collect.beam.agentOptions.logMaxBytes: must be 256 to 1048576 (is 100)",
            ],
            Errors(beam));
    }

    [Fact]
    public void Agent_options_at_their_bounds_are_valid()
    {
        var beam = new BeamOptions();
        beam.AgentOptions.MaxProcesses = 0;
        beam.AgentOptions.TopN = 100;
        beam.AgentOptions.CallTimeout = TimeSpan.FromMilliseconds(1);
        beam.AgentOptions.LogMaxBytes = 256;

        Assert.Empty(Errors(beam));
    }

    [Fact]
    public void A_node_without_host_is_reported_with_its_yaml_path()
    {
        var errors = Errors(new BeamOptions { Nodes = ["n0@h", "n1"] });

        Assert.Equal(["collect.beam.nodes[1]: \"n1\" is not name@host"], errors);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_no_cookie_value_appears()
    {
        var beam = new BeamOptions
        {
            Cookie = "sécret\u0100",
            LogLevel = "loud",
            MetricNames = "prometheus_erl_v3",
            NodeName = "gateway",
            Job = "",
            EpmdPort = 70000,
        };
        beam.Cookies["nosuchgroup"] = "othersecret";
        beam.Groups["empty"] = [];

        var errors = Errors(beam);

        Assert.Contains("collect.beam.cookie: must consist of Latin-1 characters", errors);
        Assert.Contains("collect.beam.cookies.nosuchgroup: no such group in collect.beam.groups", errors);
        Assert.Contains("collect.beam.groups.empty: needs at least one node pattern", errors);
        Assert.Contains(errors, e => e.StartsWith("collect.beam.logLevel: \"loud\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("collect.beam.metricNames: \"prometheus_erl_v3\"", StringComparison.Ordinal));
        Assert.Contains("collect.beam.nodeName: \"gateway\" is not name@host", errors);
        Assert.Contains("collect.beam.job: must not be empty", errors);
        Assert.Contains("collect.beam.epmdPort: 70000 is not a port number", errors);
        Assert.DoesNotContain(errors, e => e.Contains("cret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prometheus_erl_v4", BeamMetricNaming.PrometheusErlV4)]
    [InlineData("prometheus_erl_v5", BeamMetricNaming.PrometheusErlV6)]
    [InlineData("prometheus_erl_v6", BeamMetricNaming.PrometheusErlV6)]
    public void Metric_names_map_to_the_mapper_naming(string value, BeamMetricNaming expected)
    {
        Assert.Equal(expected, BeamSettingsFactory.ParseNaming(value));
    }

    [Theory]
    [InlineData("mim*@*", "mim1@host", true)]
    [InlineData("mim*@*", "xmim1@host", false)]
    [InlineData("n?@h", "n1@h", true)]
    [InlineData("n?@h", "n12@h", false)]
    [InlineData("*", "anything@h", true)]
    public void Group_patterns_are_whole_name_globs(string pattern, string node, bool matches)
    {
        Assert.Equal(matches, BeamNodeNames.GlobMatch(pattern, node));
    }

    [Fact]
    public void Our_default_name_mirrors_the_naming_mode_of_the_peer()
    {
        Assert.Matches(@"^gateway-[0-9a-f]{8}@localhost$", BeamNodeNames.DefaultLocalName("n1@localhost", "vm", 42));
        Assert.Matches(@"^gateway-[0-9a-f]{8}@db\.example\.com$", BeamNodeNames.DefaultLocalName("n1@db.example.com", "vm", 42));
    }

    [Fact]
    public void Cookies_come_from_the_group_then_the_environment_then_the_option_then_the_file()
    {
        var home = Directory.CreateTempSubdirectory("gateway-beam-home-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(home, ".erlang.cookie"), "fromfile\n");
            var options = new BeamOptions();
            options.Cookies["g"] = "fromgroup";

            Assert.Equal("fromfile", new BeamCookies(options, _ => null, home).For(null));
            options.Cookie = "fromoption";
            Assert.Equal("fromoption", new BeamCookies(options, _ => null, home).For(null));
            Assert.Equal("fromenv", new BeamCookies(options, n => n == BeamOptions.CookieEnvironmentVariable ? "fromenv" : null, home).For(null));
            Assert.Equal("fromgroup", new BeamCookies(options, _ => "fromenv", home).For("g"));
            Assert.Null(new BeamCookies(new BeamOptions(), _ => null, Path.Combine(home, "nothing")).For(null));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
