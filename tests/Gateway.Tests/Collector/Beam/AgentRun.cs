using System.Diagnostics;
using Gateway.Collector.Beam.Agent;
using Gateway.Erlang.Terms;

namespace Gateway.Tests.Collector.Beam;

/// <summary>
/// Runs one real <c>erl</c> (no distribution) that compiles the embedded agent exactly as the gateway
/// does over RPC (<see cref="GatewayAgentSource.CompileExpression"/> through <c>erl_scan:string</c>,
/// <c>erl_parse:parse_exprs</c> and <c>erl_eval:exprs</c>, then <c>code:load_binary</c>),
/// sets up a node worth measuring (10,000 extra processes, a registered process with 500 queued
/// messages, mnesia with a 25-row table, SASL, the log and alarm forwarder), calls <c>gateway_agent:collect/1</c> and
/// hands back <c>term_to_binary</c> of everything, decoded.
/// </summary>
public sealed class AgentRun : IDisposable
{
    public const string HogName = "gateway_test_hog";
    public const string TableName = "gateway_test_table";
    public const string AlarmId = "gateway_test_alarm";

    private readonly string directory;

    public AgentRun()
    {
        directory = Directory.CreateTempSubdirectory("gateway-agent-test-").FullName;
        var sourcePath = Path.Combine(directory, GatewayAgentSource.FileName);
        var outputPath = Path.Combine(directory, "out.etf");
        var expressionPath = Path.Combine(directory, "compile.expr");
        File.WriteAllText(sourcePath, GatewayAgentSource.Text);
        File.WriteAllText(expressionPath, GatewayAgentSource.CompileExpression);
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));

        var script = $$"""
            {ok, Source} = file:read_file("{{sourcePath}}"),
            {ok, ExprText} = file:read_file("{{expressionPath}}"),
            {ok, ExprTokens, _} = erl_scan:string(binary_to_list(ExprText) ++ "."),
            {ok, Exprs} = erl_parse:parse_exprs(ExprTokens),
            {value, Compiled, _} = erl_eval:exprs(Exprs, [{'Source', Source}]),
            {ok, gateway_agent, Beam, Warnings} = Compiled,
            _ = code:soft_purge(gateway_agent),
            {module, gateway_agent} = code:load_binary(gateway_agent, "{{GatewayAgentSource.FileName}}", Beam),
            Held = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 10000)],
            Hog = spawn(fun() -> receive stop -> ok end end),
            true = register({{HogName}}, Hog),
            [Hog ! {msg, N} || N <- lists:seq(1, 500)],
            ok = mnesia:start(),
            {atomic, ok} = mnesia:create_table({{TableName}}, [{attributes, [k, v]}]),
            [ok = mnesia:dirty_write({ {{TableName}}, N, N}) || N <- lists:seq(1, 25)],
            ok = application:start(sasl),
            true = register(gateway_test_sink, self()),
            Install = gateway_agent:install({gateway_test_sink, node()}, #{level => warning}),
            logger:error("gateway agent test event ~p", [42], #{mfa => {gateway_test, run, 0} }),
            logger:info("below the handler level"),
            LogEvent = receive {gateway_log, _, Ev} -> Ev after 5000 -> timeout end,
            alarm_handler:set_alarm({{{AlarmId}}, "/var"}),
            AlarmSet = receive {gateway_alarm, _, A1} -> A1 after 5000 -> timeout end,
            Reply = gateway_agent:collect(#{top_n => 5}),
            alarm_handler:clear_alarm({{AlarmId}}),
            AlarmClear = receive {gateway_alarm, _, A2} -> A2 after 5000 -> timeout end,
            Removed = gateway_agent:remove(),
            Out = #{reply => Reply, warnings => Warnings, version => gateway_agent:version(),
                    vsn => proplists:get_value(vsn, gateway_agent:module_info(attributes)),
                    install => Install, log_event => LogEvent, alarm_set => AlarmSet,
                    alarm_clear => AlarmClear, removed => Removed,
                    after_remove => gateway_agent:forwarding_status(), held => length(Held)},
            ok = file:write_file("{{outputPath}}", term_to_binary(Out)),
            halt(0).
            """;

        var psi = new ProcessStartInfo(ErlPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "-noshell", "+P", "1048576", "-mnesia", "dir", $"\"{Path.Combine(directory, "mnesia")}\"", "-eval", script })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("erl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("erl did not finish within 120 s");
        }

        Output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0 || !File.Exists(outputPath))
        {
            throw new InvalidOperationException($"erl exited with {process.ExitCode}:\n{Output}");
        }

        Result = (ErlangMap)TermDecoder.Decode(File.ReadAllBytes(outputPath));
    }

    /// <summary>The map the script wrote: reply, warnings, version, vsn, install, log_event, removed, after_remove.</summary>
    public ErlangMap Result { get; }

    public ErlangTerm Reply => Result["reply"];

    /// <summary>What erl printed (its logger's own output included), for failure messages.</summary>
    public string Output { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static string ErlPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "erl");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("erl not found on PATH: install Debian package erlang-base (apt-get install erlang-base).");
    }
}
