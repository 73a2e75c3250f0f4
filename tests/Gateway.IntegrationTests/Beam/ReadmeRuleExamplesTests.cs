using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Beam;

/// <summary>
/// The README's rule examples on a real node through the real gateway: the threshold rule with
/// <c>labels: { job: beam }</c> (matched against the labels <c>/metrics</c> shows) raises and ceases, and
/// the log rule turns a real gen_server crash into an alarm that clears after its quiet period.
/// Thresholds are set from the node's own process count so the test provokes them; the rest is as written.
/// </summary>
public sealed class ReadmeRuleExamplesTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private EpmdProcess? _epmd;
    private ErlangNode? _node;
    private LocalNode? _eval;

    private ErlangNode Node => _node!;

    public async Task InitializeAsync()
    {
        _epmd = await EpmdProcess.StartAsync();
        _node = await ErlangNode.StartAsync(_epmd);
        _eval = new LocalNode(new LocalNodeOptions
        {
            NodeName = ErlangNodeOptions.UniqueName("eval") + "@localhost",
            Cookie = _node.Cookie,
            EpmdPort = _epmd.Port,
        });
    }

    public async Task DisposeAsync()
    {
        if (_eval is not null)
        {
            await _eval.DisposeAsync();
        }
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
        if (_epmd is not null)
        {
            await _epmd.DisposeAsync();
        }
    }

    private Task<ErlangTerm> EvalAsync(string code) => _eval!.EvalAsync(Node.Name, code);

    private static async Task<JsonElement[]> AlarmsAsync(GatewayProcess gateway) =>
        (await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms")) ?? [];

    private static async Task<JsonElement> ActiveAsync(GatewayProcess gateway, string type)
    {
        var all = await Poll.UntilAsync(async () =>
            {
                var active = await AlarmsAsync(gateway);
                return active.Any(a => a.GetProperty("type").GetString() == type) ? active : null;
            },
            Wait, type + " raised", () => gateway.Output);
        return all.First(a => a.GetProperty("type").GetString() == type);
    }

    [Fact]
    public async Task The_threshold_rule_with_a_job_label_and_the_log_rule_raise_and_cease_on_a_real_node()
    {
        Assert.True((await EvalAsync("erlang:system_info(process_count).")).TryGetLong(out var count));
        var above = count + 500;
        var below = count + 250;
        await using var gateway = await GatewayProcess.StartAsync($$$"""
            collect:
              interval: 1s
              beam:
                cookie: {{{Node.Cookie}}}
                nodes: [ {{{Node.Name}}} ]
                epmdPort: {{{_epmd!.Port}}}
            alarms:
              minHold: 0s
              rules:
                - name: high_process_count
                  metric: erlang_vm_process_count
                  labels: { job: beam }
                  raise: { above: {{{above}}}, severity: major, for: 0s }
                  cease: { below: {{{below}}} }
                  description: "{{value}} processes on {{node}}"
              logRules:
                - name: gen_server_crash
                  pattern: 'Generic server (?<server>\w+) terminating'
                  minLevel: error
                  severity: minor
                  resource: '{{match.server}}'
                  quietPeriod: 2s
            """);
        await Poll.UntilAsync(async () => (await gateway.NodesAsync()).Any(n => n.GetProperty("up").GetBoolean()), Wait, "the node collected", () => gateway.Output);

        await EvalAsync("""
            Self = self(),
            H = spawn(fun() -> Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 1000)],
                               Self ! spawned, receive stop -> [P ! stop || P <- Ps] end end),
            register(proc_hog, H), receive spawned -> ok end.
            """);
        var raised = (await ActiveAsync(gateway, "high_process_count")).GetProperty("severity").GetString();
        Assert.Equal("major", raised);
        Assert.Contains($"processes on {Node.Name}", (await ActiveAsync(gateway, "high_process_count")).GetProperty("description").GetString(), StringComparison.Ordinal);

        await EvalAsync("proc_hog ! stop, ok.");
        await Poll.UntilAsync(async () => !(await AlarmsAsync(gateway)).Any(a => a.GetProperty("type").GetString() == "high_process_count"),
            Wait, "high_process_count ceased", () => gateway.Output);

        // pg's scope process is a gen_server: an unknown call crashes it, and OTP logs "Generic server … terminating".
        await EvalAsync("{ok, _} = pg:start(crashy_scope), catch gen_server:call(crashy_scope, not_a_call), ok.");
        var crash = await ActiveAsync(gateway, "gen_server_crash");
        Assert.Equal(("crashy_scope", "minor"), (crash.GetProperty("resource").GetString(), crash.GetProperty("severity").GetString()));
        await Poll.UntilAsync(async () => !(await AlarmsAsync(gateway)).Any(a => a.GetProperty("type").GetString() == "gen_server_crash"),
            Wait, "gen_server_crash cleared after its quiet period", () => gateway.Output);
    }
}
