using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Options;
using Gateway.Core.Intake;
using Gateway.Core.Store;
using Gateway.Core.Routing;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Tests.Collector.Beam.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Collector.Beam;

/// <summary>Builds BEAM sources and targets pointed at a testbed's EPMD, never at the machine's cookie or environment.</summary>
public static class BeamTestSources
{
    public static BeamOptions Options(ErlangTestbed testbed, string? cookie = "testcookie", bool agent = true) => new()
    {
        Cookie = cookie,
        CookieFile = Path.Combine(Path.GetTempPath(), "gateway-no-such-cookie-" + Guid.NewGuid().ToString("N")),
        EpmdPort = testbed.Epmd.Port,
        Agent = agent,
    };

    public static BeamSource Create(BeamOptions options, IEventRouter? router = null) =>
        Create(options, new CoreIntake(new MetricStore(), router));

    /// <summary>A source whose forwarded events go to <paramref name="intake"/> (e.g. one with an alarm manager).</summary>
    public static BeamSource Create(BeamOptions options, ICoreIntake intake) =>
        new(options,
            new BeamCookies(options, _ => null, Path.GetTempPath()),
            new BeamEventForwarder(intake, TimeProvider.System, NullLogger<BeamEventForwarder>.Instance),
            TimeProvider.System,
            NullLoggerFactory.Instance);

    public static ScrapeTarget Target(BeamOptions options, string node) =>
        BeamSettingsFactory.CreateTarget(options, new CollectOptions { Interval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(20) }, node);

    public static double Value(ScrapeResult result, string family)
    {
        Assert.True(result.Succeeded, result.ToString());
        var found = result.Families.FirstOrDefault(f => f.Name == family);
        Assert.True(found is not null, $"family {family} is missing");
        return found.Samples[0].Value;
    }
}
