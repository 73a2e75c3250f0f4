namespace Gateway.Collector.Beam.Options;

/// <summary>
/// The <c>collect.beam</c> section: which BEAM nodes to watch as a hidden Erlang node, with which
/// cookie, and how. Present = enabled. Every key is optional; with none at all the gateway watches
/// every node registered with the local EPMD, using <c>~/.erlang.cookie</c>.
/// </summary>
public sealed class BeamOptions
{
    /// <summary>The environment variable that overrides <see cref="Cookie"/> and the cookie file.</summary>
    public const string CookieEnvironmentVariable = "GATEWAY_BEAM_COOKIE";

    /// <summary>The shared magic cookie (<c>collect.beam.cookie</c>). Never logged.</summary>
    public string? Cookie { get; set; }

    /// <summary>Where to read the cookie when <see cref="Cookie"/> is not set; default <c>~/.erlang.cookie</c>.</summary>
    public string? CookieFile { get; set; }

    /// <summary>Per-group cookies (<c>collect.beam.cookies.&lt;group&gt;</c>): nodes of that group use it instead.</summary>
    public IDictionary<string, string> Cookies { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Static node names, <c>name@host</c>.</summary>
    public IList<string> Nodes { get; init; } = [];

    /// <summary>EPMD hosts whose every registered node is watched, re-read each interval.</summary>
    public IList<string> EpmdHosts { get; init; } = [];

    /// <summary>Prometheus file_sd JSON globs whose targets are node names.</summary>
    public IList<string> FileSd { get; init; } = [];

    /// <summary>Group name → node-name glob patterns (<c>*</c>, <c>?</c>); the first match gives the <c>group</c> label.</summary>
    public IDictionary<string, IList<string>> Groups { get; init; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    /// <summary>Load the collection agent (default true); false = plain BIF RPCs, no log forwarding.</summary>
    public bool Agent { get; set; } = true;

    /// <summary>What the agent collects and forwards (<c>collect.beam.agentOptions</c>).</summary>
    public BeamAgentOptions AgentOptions { get; init; } = new();

    /// <summary>Forwarded logger events at or above this level (default <c>warning</c>).</summary>
    public string LogLevel { get; set; } = "warning";

    /// <summary>Our node name; default <c>gateway-&lt;hash&gt;@&lt;host&gt;</c> in the naming mode of each watched node.</summary>
    public string? NodeName { get; set; }

    /// <summary><c>prometheus_erl_v4</c> (default), <c>prometheus_erl_v5</c> (the newer naming, as ARCHITECTURE.md names it; an alias of v6) or <c>prometheus_erl_v6</c>.</summary>
    public string MetricNames { get; set; } = "prometheus_erl_v4";

    /// <summary>The <c>job</c> label of BEAM nodes (default <c>beam</c>).</summary>
    public string Job { get; set; } = "beam";

    /// <summary>net_ticktime of the watched nodes (default 60s).</summary>
    public TimeSpan NetTickTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Port of the nodes' EPMD; null = <c>ERL_EPMD_PORT</c> or 4369.</summary>
    public int? EpmdPort { get; set; }

    /// <summary>Time between collections; null = <c>collect.interval</c>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Bound on one collection; null = <c>collect.timeout</c>.</summary>
    public TimeSpan? Timeout { get; set; }
}
