using System.Runtime.CompilerServices;
using Gateway.Collector.Beam.Options;
using Gateway.Collector.Discovery;
using Gateway.Core.Metrics;
using Gateway.Erlang.Epmd;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

/// <summary>
/// BEAM discovery: the static <c>nodes</c>, every node registered with the <c>epmdHosts</c> (under
/// the full name the node gives in the first step of a handshake, else <c>alive@host</c>), and the node names in <c>fileSd</c> files, merged into one
/// group <c>beam</c> and re-read every interval. A node listed twice is one target (static labels
/// first, then file_sd labels). An EPMD that does not answer contributes no nodes (a debug log): its
/// nodes cannot be reached either.
/// </summary>
public sealed partial class BeamTargetProvider : ITargetProvider
{
    public const string GroupKey = "beam";

    private readonly BeamOptions beam;
    private readonly CollectOptions collect;
    private readonly string baseDirectory;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Dictionary<(string Host, string Alive, int Port), string> fullNames = [];
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public BeamTargetProvider(BeamOptions beam, CollectOptions collect, string baseDirectory, TimeProvider time, ILogger<BeamTargetProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(beam);
        ArgumentNullException.ThrowIfNull(collect);
        this.beam = beam;
        this.collect = collect;
        this.baseDirectory = baseDirectory;
        this.time = time;
        this.logger = logger;
    }

    public string Name => "beam";

    public async IAsyncEnumerable<TargetGroup> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<ScrapeTarget>? previous = null;
        var interval = beam.Interval ?? collect.Interval;
        while (!cancellationToken.IsCancellationRequested)
        {
            var targets = await DiscoverAsync(cancellationToken);
            if (previous is null || !previous.SequenceEqual(targets))
            {
                previous = targets;
                yield return new TargetGroup(GroupKey, targets);
            }
            if (beam.EpmdHosts.Count == 0 && beam.FileSd.Count == 0)
            {
                yield break; // static only: the group stays in force
            }
            try
            {
                await Task.Delay(interval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    /// <summary>One discovery pass: the current targets, ordered by node name.</summary>
    public async Task<IReadOnlyList<ScrapeTarget>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var nodes = new SortedDictionary<string, LabelSet>(StringComparer.Ordinal);
        foreach (var node in beam.Nodes)
        {
            nodes.TryAdd(node, LabelSet.Empty);
        }
        foreach (var host in beam.EpmdHosts)
        {
            foreach (var node in await ListEpmdAsync(host, cancellationToken))
            {
                nodes.TryAdd(node, LabelSet.Empty);
            }
        }
        foreach (var (node, labels) in ReadFileSd())
        {
            nodes.TryAdd(node, labels);
        }
        return [.. nodes.Select(n => BeamSettingsFactory.CreateTarget(beam, collect, n.Key, n.Value))];
    }

    private async Task<IReadOnlyList<string>> ListEpmdAsync(string host, CancellationToken cancellationToken)
    {
        var port = beam.EpmdPort ?? EpmdClient.PortFromEnvironment();
        try
        {
            var names = await new EpmdClient(host, port).NamesAsync(cancellationToken);
            var nodes = new List<string>(names.Count);
            foreach (var entry in names)
            {
                var node = await FullNameAsync(host, entry, cancellationToken);
                if (BeamNodeNames.IsValid(node))
                {
                    nodes.Add(node);
                }
            }
            return nodes;
        }
        catch (EpmdException e)
        {
            LogEpmdUnreachable(logger, host, port, e.Message);
            return [];
        }
    }

    // EPMD knows only the alive part; the host part is whatever the node was started with (n1@vm for
    // "-sname n1" on host vm, even when we asked EPMD at localhost). The node tells its full name in
    // the handshake's challenge, before any cookie: ask once per registration (the port changes
    // when the node restarts), and fall back to alive@host when it will not say.
    private async Task<string> FullNameAsync(string host, EpmdNameEntry entry, CancellationToken cancellationToken)
    {
        var key = (host, entry.Name, entry.Port);
        if (fullNames.TryGetValue(key, out var known))
        {
            return known;
        }
        var probeName = BeamNodeNames.DefaultLocalName(entry.Name + "@" + host, Environment.MachineName, Environment.ProcessId).Replace("gateway-", "gateway-probe-", StringComparison.Ordinal);
        var alternative = BeamNodeNames.IsLongName(probeName) ? probeName[..probeName.IndexOf('@', StringComparison.Ordinal)] + "@localhost" : probeName + ".localdomain";
        var name = await BeamNodeNameProbe.ProbeAsync(host, entry.Port, probeName, ProbeTimeout, cancellationToken)
            ?? await BeamNodeNameProbe.ProbeAsync(host, entry.Port, alternative, ProbeTimeout, cancellationToken);
        if (name is null || !name.StartsWith(entry.Name + "@", StringComparison.Ordinal))
        {
            return entry.Name + "@" + host; // not remembered: ask again next time
        }
        if (fullNames.Count > 10_000)
        {
            fullNames.Clear(); // restarts leave stale ports behind; start over rather than grow
        }
        fullNames[key] = name;
        return name;
    }

    private List<(string Node, LabelSet Labels)> ReadFileSd()
    {
        var found = new List<(string, LabelSet)>();
        foreach (var glob in beam.FileSd)
        {
            var full = Path.IsPathRooted(glob) ? glob : Path.Combine(baseDirectory, glob);
            var directory = Path.GetDirectoryName(full) ?? baseDirectory;
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var path in Directory.EnumerateFiles(directory, Path.GetFileName(full)).Order(StringComparer.Ordinal))
            {
                try
                {
                    foreach (var group in FileSdParser.Parse(File.ReadAllBytes(path)))
                    {
                        var labels = TargetLabels.Build(group.Labels.Where(l => TargetLabels.IsValidName(l.Key)), out _);
                        foreach (var node in group.Targets)
                        {
                            if (BeamNodeNames.IsValid(node))
                            {
                                found.Add((node, labels));
                            }
                            else
                            {
                                LogBadFileSdNode(logger, path, node);
                            }
                        }
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException)
                {
                    LogFileSdUnreadable(logger, path, e.Message);
                }
            }
        }
        return found;
    }
}
