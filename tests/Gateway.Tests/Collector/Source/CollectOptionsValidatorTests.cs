using Gateway.Collector;
using Gateway.Collector.PrometheusText;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Collector.Source;

public sealed class CollectOptionsValidatorTests
{
    private static PrometheusJobOptions Job(string name, params string[] targets)
    {
        var job = new PrometheusJobOptions { Job = name };
        foreach (var target in targets)
        {
            job.Targets.Add(target);
        }
        return job;
    }

    [Fact]
    public void Defaults_and_a_plain_job_are_valid()
    {
        var options = new CollectOptions { Prometheus = { Job("rabbitmq", "127.0.0.1:15692") } };

        Assert.Empty(CollectOptionsValidator.Validate(options));
    }

    [Fact]
    public void Every_error_is_reported_with_its_yaml_path()
    {
        var bad = Job("", "host:9100", "host:abc");
        bad.Path = "metrics";
        bad.Scheme = "ftp";
        bad.Labels["job"] = "x";
        bad.Labels["bad-name"] = "x";
        bad.Limits.SampleLimit = -1;
        bad.Limits.BodySizeLimit = new ByteSize(0);
        var options = new CollectOptions
        {
            Interval = TimeSpan.Zero,
            Timeout = TimeSpan.FromSeconds(5),
            Concurrency = 0,
            Prometheus =
            {
                Job("a", "h:1", "h:1"),
                bad,
                Job("a"),
                new PrometheusJobOptions { Job = "b", FileSd = { "dir*/x.json" }, Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(10) },
                new PrometheusJobOptions { Job = "c", Targets = { "h:2" }, BasicAuth = new PrometheusBasicAuthOptions(), BearerToken = "t" },
            },
        };

        var errors = CollectOptionsValidator.Validate(options);

        Assert.Equal(
            [
                "collect.interval: must be positive (is 0ms)",
                "collect.concurrency: must be at least 1 (is 0)",
                "collect.prometheus[0].targets[1]: \"h:1\" is already listed at targets[0]",
                "collect.prometheus[1].job: must not be empty",
                "collect.prometheus[1].targets[1]: \"host:abc\" is not host:port",
                "collect.prometheus[1].path: \"metrics\" must start with /",
                "collect.prometheus[1].scheme: \"ftp\" must be http or https",
                "collect.prometheus[1].labels.job: is reserved",
                "collect.prometheus[1].labels.bad-name: \"bad-name\" is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)",
                "collect.prometheus[1].limits.bodySizeLimit: must be positive",
                "collect.prometheus[1].limits.sampleLimit: must not be negative (0 = unlimited)",
                "collect.prometheus[2].job: \"a\" is already used by collect.prometheus[0]",
                "collect.prometheus[2]: needs targets or fileSd",
                "collect.prometheus[3].fileSd[0]: \"dir*/x.json\" may use * and ? in the file name only",
                "collect.prometheus[3].timeout: 10s must not exceed collect.prometheus[3].interval (5s) of job \"b\"",
                "collect.prometheus[4].basicAuth.username: must not be empty",
                "collect.prometheus[4].bearerToken: cannot be combined with basicAuth",
            ],
            errors);
    }

    [Fact]
    public void Timeout_longer_than_interval_is_reported()
    {
        var errors = CollectOptionsValidator.Validate(new CollectOptions { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal(["collect.timeout: 10s must not exceed collect.interval (5s)"], errors);
    }

    [Fact]
    public void An_unset_timeout_follows_a_short_interval_as_prometheus_does()
    {
        var options = new CollectOptions { Interval = TimeSpan.FromSeconds(1) };

        Assert.Empty(CollectOptionsValidator.Validate(options));
        Assert.Equal(TimeSpan.FromSeconds(1), options.EffectiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), new CollectOptions().EffectiveTimeout);
    }

    [Fact]
    public void Options_bind_from_configuration_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["collect:interval"] = "00:00:30",
            ["collect:concurrency"] = "8",
            ["collect:beam:cookie"] = "ignored here",
            ["collect:prometheus:0:job"] = "rabbitmq",
            ["collect:prometheus:0:targets:0"] = "127.0.0.1:15692",
            ["collect:prometheus:0:fileSd:0"] = "targets/*.json",
            ["collect:prometheus:0:labels:env"] = "prod",
            ["collect:prometheus:0:basicAuth:username"] = "u",
            ["collect:prometheus:0:limits:bodySizeLimit"] = "20MiB",
            ["collect:prometheus:0:limits:sampleLimit"] = "1000",
        }).Build();

        var options = configuration.GetSection("collect").Get<CollectOptions>()!;

        Assert.Equal(TimeSpan.FromSeconds(30), options.Interval);
        Assert.Equal(8, options.Concurrency);
        var job = Assert.Single(options.Prometheus);
        Assert.Equal("rabbitmq", job.Job);
        Assert.Equal(["127.0.0.1:15692"], job.Targets);
        Assert.Equal(["targets/*.json"], job.FileSd);
        Assert.Equal("prod", job.Labels["env"]);
        Assert.Equal("u", job.BasicAuth!.Username);
        Assert.Equal(20L * 1024 * 1024, job.Limits.BodySizeLimit.Bytes);
        Assert.Equal(1000, job.Limits.SampleLimit);
        Assert.Equal("/metrics", job.Path);
        Assert.Empty(CollectOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData("1048576", 1048576)]
    [InlineData("512KB", 512000)]
    [InlineData("512 KiB", 524288)]
    [InlineData("10MiB", 10485760)]
    [InlineData("1gib", 1073741824)]
    public void Byte_sizes_parse_with_units(string text, long bytes) => Assert.Equal(bytes, ByteSize.Parse(text).Bytes);

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("10 parsecs")]
    [InlineData("1.5MB")]
    public void Invalid_byte_sizes_are_rejected(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Fact]
    public void Random_text_never_breaks_the_size_and_address_parsers()
    {
        const string alphabet = "0123456789 .:[]-_abcdefKMGiBkmgib\u00e9\0";
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }
            var text = new string(chars);
            if (ByteSize.TryParse(text, out var size))
            {
                Assert.True(size.Bytes >= 0, text);
            }
            if (HostPort.TryParse(text, out var host, out var port))
            {
                Assert.InRange(port, 1, 65535);
                Assert.NotEmpty(host);
            }
        }
    }
}
