using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Gateway.Collector.Beam.Agent;
using Gateway.Collector.Beam.Agentless;
using Gateway.Collector.Beam.Options;
using Gateway.Core.Nodes;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Epmd;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

/// <summary>
/// Collects BEAM nodes as a hidden Erlang node. One shared <see cref="LocalNode"/> per cookie and
/// naming mode, created on first use. Per collection: the agent is (re)loaded when missing or older,
/// its forwarder installed, then one <c>gateway_agent:collect/1</c> RPC is mapped with
/// <see cref="BeamMetricMapper"/>; with <c>agent: false</c> (or a node that cannot load it) plain BIF
/// RPCs build the same reply. After a lost connection the next collection reconnects (the scheduler's
/// backoff decides when): it fails with <c>connection</c> while the node is gone, and on a restarted
/// node it succeeds and reloads the agent.
/// </summary>
public sealed partial class BeamSource : INodeSource, IAsyncDisposable, IDisposable
{
    private readonly BeamOptions options;
    private readonly ErlangTerm collectOptions;
    private readonly BeamAgentRemovals removals;
    private readonly BeamCookies cookies;
    private readonly BeamEventForwarder forwarder;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly BeamMetricMapper mapper = new();
    private readonly BeamAgentLoader loader;
    private readonly ConcurrentDictionary<string, BeamNodeState> states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cookie, bool LongNames), BeamHiddenNode> hiddenNodes = [];
    private readonly Lock gate = new();
    private static int hiddenNodeCount;
    private int noCookieLogged;
    private bool disposed;

    public BeamSource(BeamOptions options, BeamCookies cookies, BeamEventForwarder forwarder, TimeProvider time, ILoggerFactory loggerFactory, BeamAgentRemovals? removals = null)
    {
        this.removals = removals ?? new BeamAgentRemovals();
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        collectOptions = BeamAgentTerms.CollectOptions(options.AgentOptions);
        loader = new BeamAgentLoader(options.AgentOptions.Precompiled);
        this.cookies = cookies;
        this.forwarder = forwarder;
        this.time = time;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<BeamSource>();
    }

    public string Name => BeamSettingsFactory.SourceName;

    public async Task<ScrapeResult> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var node = target.Address;
        var settings = target.Settings as BeamTargetSettings
            ?? new BeamTargetSettings(BeamSettingsFactory.GroupOf(options, node), BeamSettingsFactory.ParseNaming(options.MetricNames) ?? BeamMetricNaming.PrometheusErlV4, options.Agent, options.LogLevel);
        if (!BeamNodeNames.IsValid(node))
        {
            return ScrapeResult.Failure(ScrapeErrorReasons.Connection, $"\"{node}\" is not name@host");
        }
        var state = states.GetOrAdd(node, _ => new BeamNodeState());
        var cookie = cookies.For(settings.Group);
        if (cookie is null)
        {
            if (Interlocked.Exchange(ref noCookieLogged, 1) == 0)
            {
                LogNoCookie(logger, cookies.CookieFile);
            }
            return ScrapeResult.Failure(BeamScrapeErrorReasons.Auth, "no cookie: set collect.beam.cookie or ~/.erlang.cookie");
        }
        if (options.NodeName is { } ours && BeamNodeNames.IsLongName(ours) != BeamNodeNames.IsLongName(node))
        {
            return ScrapeResult.Failure(ScrapeErrorReasons.Connection,
                $"collect.beam.nodeName {ours} uses {Mode(ours)} names but {node} uses {Mode(node)} names");
        }

        BeamHiddenNode hidden;
        try
        {
            hidden = GetHiddenNode(cookie, node);
        }
        catch (ArgumentException e)
        {
            // LocalNodeOptions.Validate names what is wrong ("cookie: must consist of Latin-1
            // characters"), never the value.
            var reason = e.Message.Contains("cookie:", StringComparison.Ordinal) ? BeamScrapeErrorReasons.Auth : ScrapeErrorReasons.Connection;
            return ScrapeResult.Failure(reason, $"cannot watch {node}: {e.Message}");
        }
        state.Group = settings.Group;
        try
        {
            return await CollectAsync(hidden, node, state, settings, target.Timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ErlangAuthenticationException)
        {
            return ScrapeResult.Failure(BeamScrapeErrorReasons.Auth, $"node {node} rejected the cookie");
        }
        catch (ErlangRpcTimeoutException)
        {
            return ScrapeResult.Failure(ScrapeErrorReasons.Timeout,
                $"node {node} did not answer within {target.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s");
        }
        catch (Exception e) when (e is ErlangDistributionException or EpmdException or SocketException or IOException)
        {
            return ScrapeResult.Failure(ScrapeErrorReasons.Connection, e.Message);
        }
        catch (ErlangRpcException e)
        {
            return ScrapeResult.Failure(BeamScrapeErrorReasons.Rpc, e.Message);
        }
        catch (BeamReplyException e)
        {
            return ScrapeResult.Failure(BeamScrapeErrorReasons.Rpc, $"node {node}: {e.Message}");
        }
        catch (BeamAgentException e)
        {
            state.AgentVersion = null;
            return ScrapeResult.Failure(BeamScrapeErrorReasons.Agent, e.Message);
        }
    }

    public void Release(NodeKey node)
    {
        if (states.TryRemove(node.Instance, out var state) && state.ForwarderInstalled)
        {
            _ = RemoveForwarderAsync(node.Instance, state);
        }
    }

    /// <summary>
    /// Takes the agent off a watched node on an operator's request: drops its logger and alarm
    /// handlers, then purges and deletes the module. The node is collected agentless (no logs) from
    /// then on, until <see cref="RestoreAgent"/>, across restarts (<see cref="BeamAgentRemovals"/>).
    /// Returns what was done; throws what an RPC throws when the node cannot be reached (the removal
    /// is recorded all the same).
    /// </summary>
    public async Task<string> RemoveAgentAsync(string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!BeamNodeNames.IsValid(node))
        {
            throw new ArgumentException($"\"{node}\" is not name@host", nameof(node));
        }
        removals.Add(node);
        var state = states.GetOrAdd(node, _ => new BeamNodeState());
        state.ForwarderInstalled = false;
        state.AgentVersion = null;
        var group = BeamSettingsFactory.GroupOf(options, node);
        var cookie = cookies.For(group) ?? throw new InvalidOperationException("no cookie: set collect.beam.cookie or ~/.erlang.cookie");
        var local = GetHiddenNode(cookie, node).Node;
        var loaded = await BeamAgentLoader.LoadedVersionAsync(local, node, timeout, cancellationToken);
        if (loaded == 0)
        {
            LogAgentRemoved(logger, node, "not loaded");
            return "the agent was not loaded";
        }
        await local.RpcAsync(node, GatewayAgentSource.ModuleName, "remove", [], timeout, cancellationToken);
        await BeamAgentLoader.UnloadAsync(local, node, timeout, cancellationToken);
        var what = "agent v" + loaded.ToString(CultureInfo.InvariantCulture) + " removed: handlers dropped, module purged and deleted";
        LogAgentRemoved(logger, node, what);
        return what;
    }

    /// <summary>Undoes <see cref="RemoveAgentAsync"/>: the next collection loads the agent again. False when the node was not removed.</summary>
    public bool RestoreAgent(string node)
    {
        if (!removals.Remove(node))
        {
            return false;
        }
        if (states.TryGetValue(node, out var state))
        {
            state.AgentVersion = null;
        }
        return true;
    }

    /// <summary>For containers disposed synchronously; blocks for the best-effort goodbyes (2 s at most).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        List<BeamHiddenNode> nodes;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            nodes = [.. hiddenNodes.Values];
            hiddenNodes.Clear();
        }
        await Task.WhenAll(states.Where(s => s.Value.ForwarderInstalled).Select(s => RemoveForwarderAsync(s.Key, s.Value, nodes)));
        states.Clear();
        foreach (var hidden in nodes)
        {
            await hidden.DisposeAsync();
        }
    }

    private async Task<ScrapeResult> CollectAsync(
        BeamHiddenNode hidden, string node, BeamNodeState state, BeamTargetSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var local = hidden.Node;
        if (state.AgentUnavailable is not null && loader.CompiledReleases != state.UnavailableAtCompiledReleases)
        {
            state.AgentUnavailable = null; // another node compiled a beam since: it may fit this one
        }
        string agentInfo;
        var useAgent = false;
        if (!settings.Agent)
        {
            agentInfo = "disabled";
        }
        else if (removals.Contains(node))
        {
            agentInfo = "removed on request";
        }
        else if (state.AgentUnavailable is { } unavailable)
        {
            agentInfo = unavailable;
        }
        else
        {
            if (state.AgentVersion is null || state.AgentVersion < GatewayAgentSource.Version)
            {
                var version = await BeamAgentLoader.LoadedVersionAsync(local, node, timeout, cancellationToken);
                if (version < GatewayAgentSource.Version)
                {
                    var why = await loader.LoadAsync(local, node, timeout, cancellationToken);
                    if (why is not null)
                    {
                        state.AgentUnavailable = why;
                        state.UnavailableAtCompiledReleases = loader.CompiledReleases;
                        LogAgentUnavailable(logger, node, why);
                    }
                    else
                    {
                        LogAgentLoaded(logger, node, GatewayAgentSource.Version, version);
                        version = GatewayAgentSource.Version;
                    }
                }
                if (state.AgentUnavailable is null)
                {
                    state.AgentVersion = (int)version;
                }
            }
            if (state.AgentUnavailable is { } now)
            {
                agentInfo = now;
            }
            else
            {
                useAgent = true;
                agentInfo = "loaded v" + state.AgentVersion!.Value.ToString(CultureInfo.InvariantCulture);
                if (!state.ForwarderInstalled)
                {
                    state.ForwarderClean = await InstallForwarderAsync(local, node, settings.LogLevel, timeout, cancellationToken);
                    state.ForwarderInstalled = true;
                }
            }
        }

        var reply = useAgent
            ? await local.RpcAsync(node, GatewayAgentSource.ModuleName, "collect", [collectOptions], timeout, cancellationToken)
            : await BeamAgentlessCollector.CollectAsync(local, node, timeout, cancellationToken, options.AgentOptions);
        var forwarding = !useAgent || BeamAgentTerms.ForwarderInstalled(reply);
        if (forwarding)
        {
            state.ForwarderReinstalled = false;
        }
        else if (state.ForwarderClean && !state.ForwarderReinstalled)
        {
            // collect/1 (v4+) adds back a handler that went missing; this is for what it cannot: an
            // install it was told to forget (gateway_agent:remove() run on the node, e.g. by another
            // gateway releasing the node) or an agent before v4. Once per loss: a refused install stays
            // refused, and an install the next reply still does not show is not repeated every cycle
            // (an RPC more per node per cycle) until a reply shows the forwarder again.
            LogForwarderReinstalled(logger, node);
            state.ForwarderClean = await InstallForwarderAsync(local, node, settings.LogLevel, timeout, cancellationToken);
            state.ForwarderReinstalled = true;
        }
        var families = mapper.Map(reply, settings.Naming);
        return ScrapeResult.Success(families, BuildInfo(reply, agentInfo, settings.Group));
    }

    // True when the logger handler was added (the alarm_handler part may be not_running: SASL can start later).
    private async Task<bool> InstallForwarderAsync(LocalNode local, string node, string level, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = new ErlangTuple(ErlangAtom.Of(BeamHiddenNode.MailboxName), local.Name);
        var installOptions = BeamAgentTerms.InstallOptions(level, options.AgentOptions);
        var result = await local.RpcAsync(node, GatewayAgentSource.ModuleName, "install", [target, installOptions], timeout, cancellationToken);
        if (result is not ErlangMap map || !map.TryGetValue("logger", out var loggerResult) || !loggerResult.IsAtom("ok"))
        {
            LogForwarderNotInstalled(logger, node, result.ToString());
            return false;
        }
        return true;
    }

    private static Dictionary<string, string> BuildInfo(ErlangTerm reply, string agent, string? group)
    {
        var info = new Dictionary<string, string>(StringComparer.Ordinal) { ["agent"] = agent };
        if (reply is ErlangMap map)
        {
            if (map.TryGetValue("otp_release", out var release) && release.TryGetString(out var r))
            {
                info["otp_release"] = r;
            }
            if (map.TryGetValue("erts_version", out var erts) && erts.TryGetString(out var e))
            {
                info["erts_version"] = e;
            }
            if (map.TryGetValue("uptime_ms", out var uptime) && uptime.TryGetLong(out var ms))
            {
                info["uptime_seconds"] = (ms / 1000).ToString(CultureInfo.InvariantCulture);
            }
        }
        if (group is not null)
        {
            info["group"] = group;
        }
        return info;
    }

    private BeamHiddenNode GetHiddenNode(string cookie, string peer)
    {
        var longNames = BeamNodeNames.IsLongName(peer);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (hiddenNodes.TryGetValue((cookie, longNames), out var existing))
            {
                return existing;
            }
            // Unique per hidden node: two of ours with one name would make a watched node drop the
            // older connection ("alive" in the handshake) each time the other connects.
            var instance = Interlocked.Increment(ref hiddenNodeCount).ToString(CultureInfo.InvariantCulture);
            var name = options.NodeName ?? BeamNodeNames.DefaultLocalName(peer, Environment.MachineName + "/" + instance, Environment.ProcessId);
            var local = new LocalNode(new LocalNodeOptions
            {
                NodeName = name,
                Cookie = cookie,
                NetTickTime = options.NetTickTime,
                EpmdPort = options.EpmdPort,
                // The scheduler backs off failing nodes; a second backoff here would only delay the
                // reconnect of a restarted node.
                ReconnectBackoffMin = TimeSpan.Zero,
                ReconnectBackoffMax = TimeSpan.Zero,
            }, time, loggerFactory.CreateLogger<LocalNode>());
            local.NodeDown += OnNodeDown;
            var hidden = new BeamHiddenNode(local, forwarder, e => LogForwardFailed(logger, e.GetType().Name, e.Message));
            hiddenNodes[(cookie, longNames)] = hidden;
            return hidden;
        }
    }

    private void OnNodeDown(object? sender, NodeDownEventArgs e)
    {
        if (e.Reason == ConnectionCloseReason.LocalClose || !states.TryGetValue(e.Node.Name, out var state))
        {
            return;
        }
        // The node may come back as a fresh VM: check the agent and reinstall the forwarder. No flag
        // is needed for the failure itself: the next collection's reconnect fails at once when EPMD
        // no longer knows the node (and within the timeout when its host is gone).
        state.Reset();
        LogNodeDown(logger, e.Node.Name, e.Reason);
    }

    private async Task RemoveForwarderAsync(string node, BeamNodeState state, IEnumerable<BeamHiddenNode>? candidates = null)
    {
        state.ForwarderInstalled = false;
        var cookie = cookies.For(state.Group);
        if (cookie is null)
        {
            return;
        }
        BeamHiddenNode? hidden;
        lock (gate)
        {
            hiddenNodes.TryGetValue((cookie, BeamNodeNames.IsLongName(node)), out hidden);
        }
        hidden ??= candidates?.FirstOrDefault(h => BeamNodeNames.IsLongName(h.Node.Name.Name) == BeamNodeNames.IsLongName(node));
        if (hidden is null || !hidden.Node.ConnectedNodes.Any(n => n.Name == node))
        {
            return; // best effort: never connect just to say goodbye
        }
        try
        {
            await hidden.Node.RpcAsync(node, GatewayAgentSource.ModuleName, "remove", [], TimeSpan.FromSeconds(2));
        }
#pragma warning disable CA1031 // Best effort on shutdown or when a node leaves discovery: nothing to do about a failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRemoveFailed(logger, node, e.Message);
        }
    }

    private static string Mode(string node) => BeamNodeNames.IsLongName(node) ? "long" : "short";
}
