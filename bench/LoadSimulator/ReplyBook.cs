using System.Text.RegularExpressions;
using Gateway.Erlang.Server;
using Gateway.Erlang.Terms;

namespace LoadSimulator;

/// <summary>
/// Answers for the calls the gateway makes, captured once from a real OTP 25 node (replies.etf, made
/// by make-replies.sh): <c>gateway_agent:collect/1</c> and the agentless calls. A few counters change
/// on every call so that consecutive samples differ the way they do on a live node.
/// </summary>
internal sealed partial class ReplyBook
{
    private static readonly ErlangAtom GatewayAgent = ErlangAtom.Of("gateway_agent");
    private static readonly ErlangAtom NodeKey = ErlangAtom.Of("node");
    private static readonly ErlangAtom TimeKey = ErlangAtom.Of("time_ms");
    private static readonly ErlangAtom UptimeKey = ErlangAtom.Of("uptime_ms");
    private static readonly ErlangAtom StatisticsKey = ErlangAtom.Of("statistics");
    private static readonly ErlangAtom ReductionsKey = ErlangAtom.Of("reductions");
    private static readonly ErlangAtom ContextSwitchesKey = ErlangAtom.Of("context_switches");

    private readonly ErlangMap collect;
    private readonly Dictionary<(ErlangAtom, ErlangAtom, ErlangTerm), ErlangTerm> replies = [];
    private readonly long startedMs = Environment.TickCount64;

    public ReplyBook()
    {
        AgentVersion = ReadAgentVersion();
        var all = (ErlangMap)TermDecoder.Decode(ReadResource("replies.etf"));
        collect = (ErlangMap)all["collect"];
        foreach (var entry in (ErlangList)all["replies"])
        {
            var pair = (ErlangTuple)entry;
            var mfa = (ErlangTuple)pair[0];
            replies[((ErlangAtom)mfa[0], (ErlangAtom)mfa[1], mfa[2])] = pair[1];
        }
    }

    /// <summary>What <c>gateway_agent:version()</c> answers: the version of the agent source in this repository.</summary>
    public int AgentVersion { get; }

    private static ErlangMap InstallReply { get; } = ErlangMap.Of((ErlangAtom.Of("logger"), ErlangAtom.Ok), (ErlangAtom.Of("alarm_handler"), ErlangAtom.Ok));

    /// <summary>The reply to one call on the node <paramref name="node"/>, which has been called <paramref name="calls"/> times.</summary>
    public ErlangTerm Answer(ErlangAtom node, long calls, ErlangAtom module, ErlangAtom function, IReadOnlyList<ErlangTerm> args)
    {
        if (module == GatewayAgent)
        {
            return (function.Name, args.Count) switch
            {
                ("version", 0) => ErlangInteger.Of(AgentVersion),
                ("collect", 1) => Collect(node, calls),
                // install/2 answers what the agent does: #{logger => ok, alarm_handler => ok}.
                ("install", 2) => InstallReply,
                ("remove", 0) => ErlangAtom.Ok,
                ("forwarding_status", 0) => ErlangMap.Of((ErlangAtom.Of("installed"), ErlangAtom.False)),
                _ => RexCall.Undefined(module, function, args),
            };
        }

        return replies.TryGetValue((module, function, ErlangList.Of([.. args])), out var reply)
            ? reply
            : RexCall.Undefined(module, function, args);
    }

    private ErlangMap Collect(ErlangAtom node, long calls)
    {
        var pairs = collect.Pairs.ToArray();
        for (var i = 0; i < pairs.Length; i++)
        {
            var key = pairs[i].Key;
            ErlangTerm? value =
                key == NodeKey ? node
                : key == TimeKey ? ErlangInteger.Of(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
                : key == UptimeKey ? ErlangInteger.Of(Environment.TickCount64 - startedMs)
                : key == StatisticsKey && pairs[i].Value is ErlangMap statistics ? Statistics(statistics, calls)
                : null;
            if (value is not null)
            {
                pairs[i] = new(key, value);
            }
        }

        return new ErlangMap(pairs);
    }

    private static ErlangMap Statistics(ErlangMap statistics, long calls)
    {
        var pairs = statistics.Pairs.ToArray();
        for (var i = 0; i < pairs.Length; i++)
        {
            if ((pairs[i].Key == ReductionsKey || pairs[i].Key == ContextSwitchesKey)
                && pairs[i].Value is ErlangTuple { Arity: 2 } t && t[0].TryGetLong(out var total))
            {
                pairs[i] = new(pairs[i].Key, ErlangTerm.Tuple(ErlangInteger.Of(total + (calls * 150_000)), ErlangInteger.Of(150_000)));
            }
        }

        return new ErlangMap(pairs);
    }

    private static int ReadAgentVersion()
    {
        var source = System.Text.Encoding.UTF8.GetString(ReadResource("gateway_agent.erl"));
        var match = VersionClause().Match(source);
        return match.Success
            ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("gateway_agent.erl has no \"version() -> N.\" clause.");
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(ReplyBook).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"^version\(\)\s*->\s*(\d+)\s*\.", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex VersionClause();
}
