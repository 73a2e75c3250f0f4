using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Gateway.Collector.Beam.Agent;

/// <summary>
/// The Erlang source of the collection agent (<c>gateway_agent.erl</c>, embedded in this assembly) and
/// the expression that compiles it on a node. The source is what the gateway normally ships, because
/// a .beam is tied to the compiler's OTP release while source compiles on any release from 25 on; a
/// beam compiled by OTP 25 (<see cref="PrecompiledBeam"/>, rebuilt by <c>build-beam.sh</c>) is kept for
/// nodes without the compiler application.
/// </summary>
public static partial class GatewayAgentSource
{
    /// <summary>The module name, as an atom on the node.</summary>
    public const string ModuleName = "gateway_agent";

    /// <summary>The file name handed to <c>code:load_binary/3</c>.</summary>
    public const string FileName = "gateway_agent.erl";

    /// <summary>The OTP release that compiled <see cref="PrecompiledBeam"/>; it loads there and on later releases.</summary>
    public const string PrecompiledRelease = "25";

    private const string ResourceName = "Gateway.Collector.Beam.Agent.gateway_agent.erl";
    private const string BeamResourceName = "Gateway.Collector.Beam.Agent.gateway_agent.beam";

    /// <summary>
    /// An Erlang expression sequence that compiles the agent the way the gateway does it over RPC: it
    /// expects the variable <c>Source</c> bound to the source text (a binary or a string), scans it
    /// with <c>erl_scan:string/1</c>, splits the tokens into forms at each dot, parses each form with
    /// <c>erl_parse:parse_form/1</c> and compiles with <c>compile:forms/2</c>. It evaluates to
    /// <c>{ok, gateway_agent, Beam, Warnings}</c> or <c>{error, Errors, Warnings}</c>; load the beam
    /// with <c>code:soft_purge/1</c> then <c>code:load_binary(gateway_agent, "gateway_agent.erl", Beam)</c>.
    /// To run it through <c>erl_eval</c>, scan it, append a dot token, <c>erl_parse:parse_exprs/1</c>,
    /// and evaluate with <c>Source</c> in the bindings. Variables are prefixed <c>Gw</c> so the
    /// expression can be pasted after other code.
    /// </summary>
    public const string CompileExpression = """
        begin
            GwText = case is_binary(Source) of true -> unicode:characters_to_list(Source); false -> Source end,
            GwSplit = fun GwSplitF([], _GwPartial, GwAcc) -> lists:reverse(GwAcc);
                          GwSplitF([{dot, _} = GwDot | GwRest], GwPartial, GwAcc) ->
                              GwSplitF(GwRest, [], [lists:reverse([GwDot | GwPartial]) | GwAcc]);
                          GwSplitF([GwToken | GwRest], GwPartial, GwAcc) -> GwSplitF(GwRest, [GwToken | GwPartial], GwAcc)
                      end,
            case erl_scan:string(GwText) of
                {ok, GwTokens, _} ->
                    GwParsed = [erl_parse:parse_form(GwForm) || GwForm <- GwSplit(GwTokens, [], [])],
                    case [GwE || {error, GwE} <- GwParsed] of
                        [] -> compile:forms([GwF || {ok, GwF} <- GwParsed], [binary, return_errors, return_warnings]);
                        GwErrors -> {error, GwErrors, []}
                    end;
                {error, GwScanError, _} -> {error, [GwScanError], []}
            end
        end
        """;

    private static readonly Lazy<string> LazyText = new(LoadText);
    private static readonly Lazy<int> LazyVersion = new(() => ParseVersion(LazyText.Value));

    /// <summary>The agent's Erlang source text.</summary>
    public static string Text => LazyText.Value;

    /// <summary>The agent's version, the integer its <c>version()</c> returns; a node with an older one gets reloaded.</summary>
    public static int Version => LazyVersion.Value;

    private static readonly Lazy<byte[]> LazyBeam = new(LoadBeam);

    /// <summary>The agent compiled by OTP <see cref="PrecompiledRelease"/> (<c>erlc +deterministic</c>).</summary>
    public static ReadOnlyMemory<byte> PrecompiledBeam => LazyBeam.Value;

    /// <summary>Reads the integer from the <c>version() -> N.</c> clause of an agent source.</summary>
    public static int ParseVersion(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var match = VersionClause().Match(source);
        if (!match.Success)
        {
            throw new FormatException("The agent source has no \"version() -> N.\" clause.");
        }

        return int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string LoadText()
    {
        using var stream = typeof(GatewayAgentSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(GatewayAgentSource).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static byte[] LoadBeam()
    {
        using var stream = typeof(GatewayAgentSource).Assembly.GetManifestResourceStream(BeamResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {BeamResourceName} is missing from {typeof(GatewayAgentSource).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"^version\(\)\s*->\s*(\d+)\s*\.", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex VersionClause();
}
