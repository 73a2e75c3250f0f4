namespace Gateway.Collector.Beam;

/// <summary>What <see cref="BeamSource"/> needs beyond the node name. Holds no cookie (cookies stay in <see cref="BeamCookies"/>).</summary>
/// <param name="Group">The node's group from <c>collect.beam.groups</c>, or null.</param>
/// <param name="Naming">Which prometheus.erl names to emit.</param>
/// <param name="Agent">Load the agent (true) or use plain BIF RPCs.</param>
/// <param name="LogLevel">Forwarded logger events at or above this level.</param>
public sealed record BeamTargetSettings(string? Group, BeamMetricNaming Naming, bool Agent, string LogLevel) : ScrapeTargetSettings;
