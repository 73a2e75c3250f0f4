using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Agent;
using Gateway.Collector.Beam.Options;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Tests.Collector.Beam.Fixtures;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamSourceTests(BeamTestbed testbed) : IClassFixture<BeamTestbed>
{
    private static readonly string[] CoreFamilies =
    [
        "erlang_vm_process_count", "erlang_vm_memory_bytes_total", "erlang_vm_statistics_reductions_total",
        "erlang_vm_schedulers", "erlang_vm_info", "erlang_vm_uptime_seconds", "erlang_vm_memory_ets_tables",
        "erlang_vm_statistics_context_switches",
    ];

    private Task<ScrapeResult> ScrapeAsync(string node, BeamSource? source = null, BeamOptions? options = null) =>
        (source ?? testbed.Source).ScrapeAsync(BeamTestSources.Target(options ?? testbed.Options, node), CancellationToken.None);

    [Fact]
    public async Task Process_count_follows_10000_processes_spawned_on_the_node()
    {
        var node = await testbed.StartNodeAsync(new ErlangNodeOptions { ExtraArgs = ["+P", "100000"] });
        var before = BeamTestSources.Value(await ScrapeAsync(node.Name), "erlang_vm_process_count");

        await testbed.Eval.EvalAsync(node.Name,
            "_ = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 10000)], ok.");
        var after = BeamTestSources.Value(await ScrapeAsync(node.Name), "erlang_vm_process_count");

        Assert.True(after >= before + 10000, $"process count went from {before} to {after}");
    }

    [Fact]
    public async Task Agent_is_loaded_and_the_info_names_release_version_and_uptime()
    {
        var result = await ScrapeAsync(testbed.Node.Name);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("loaded v" + GatewayAgentSource.Version, result.Info["agent"]);
        Assert.Matches(@"^\d+$", result.Info["otp_release"]);
        Assert.Matches(@"^\d+\.", result.Info["erts_version"]);
        Assert.True(result.Info.ContainsKey("uptime_seconds"));
        Assert.Contains(result.Families, f => f.Name == "gateway_agent_version");
        var version = await testbed.Eval.RpcAsync(testbed.Node.Name, "gateway_agent", "version", [], TimeSpan.FromSeconds(10));
        Assert.Equal(ErlangInteger.Of(GatewayAgentSource.Version), version);
    }

    [Fact]
    public async Task An_older_agent_on_the_node_is_replaced()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name, """
            Forms = [{attribute, 1, module, gateway_agent}, {attribute, 2, export, [{version, 0}]},
                     {function, 3, version, 0, [{clause, 3, [], [], [{integer, 3, 0}]}]}],
            {ok, gateway_agent, Beam} = compile:forms(Forms),
            {module, gateway_agent} = code:load_binary(gateway_agent, "old.erl", Beam),
            ok.
            """);
        Assert.Equal(ErlangInteger.Of(0), await testbed.Eval.RpcAsync(node.Name, "gateway_agent", "version", [], TimeSpan.FromSeconds(10)));

        var result = await ScrapeAsync(node.Name);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("loaded v" + GatewayAgentSource.Version, result.Info["agent"]);
        Assert.Equal(ErlangInteger.Of(GatewayAgentSource.Version), await testbed.Eval.RpcAsync(node.Name, "gateway_agent", "version", [], TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Agent_false_gives_the_same_core_families_without_loading_the_agent()
    {
        var node = await testbed.StartNodeAsync();
        var options = BeamTestSources.Options(testbed, agent: false);
        await using var source = BeamTestSources.Create(options);

        var agentless = await ScrapeAsync(node.Name, source, options);
        var withAgent = await ScrapeAsync(testbed.Node.Name);

        Assert.True(agentless.Succeeded, agentless.ToString());
        Assert.Equal("disabled", agentless.Info["agent"]);
        Assert.Matches(@"^\d+$", agentless.Info["otp_release"]);
        foreach (var family in CoreFamilies)
        {
            Assert.True(agentless.Families.Any(f => f.Name == family), $"{family} is missing agentless");
            Assert.Contains(withAgent.Families, f => f.Name == family);
        }
        var loaded = await testbed.Eval.RpcAsync(node.Name, "code", "is_loaded", [ErlangAtom.Of("gateway_agent")], TimeSpan.FromSeconds(10));
        Assert.Equal(ErlangAtom.False, loaded);
    }

    [Fact]
    public async Task Agentless_collection_also_gives_allocators_dist_mnesia_os_process_and_msacc_like_the_agent()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name, """
            false = erlang:system_flag(microstate_accounting, true),
            ok = mnesia:start(),
            {atomic, ok} = mnesia:create_table(gw_agentless_t, [{attributes, [k, v]}]),
            [ok = mnesia:dirty_write({gw_agentless_t, N, N}) || N <- lists:seq(1, 7)],
            ok.
            """);
        var options = BeamTestSources.Options(testbed, agent: false);
        await using var source = BeamTestSources.Create(options);
        var agentOptions = BeamTestSources.Options(testbed);
        await using var agentSource = BeamTestSources.Create(agentOptions);

        var agentless = await ScrapeAsync(node.Name, source, options);
        var withAgent = await ScrapeAsync(node.Name, agentSource, agentOptions);

        Assert.True(agentless.Succeeded, agentless.ToString());
        Assert.Equal("disabled", agentless.Info["agent"]);
        string[] Series(ScrapeResult r, string family) =>
            [.. r.Families.Single(f => f.Name == family).Samples.Select(x => x.Labels.ToString()).Order(StringComparer.Ordinal)];
        Assert.Equal(Series(withAgent, "erlang_vm_allocators"), Series(agentless, "erlang_vm_allocators"));
        Assert.True(Series(agentless, "erlang_vm_allocators").Length > 50);
        Assert.Equal(Series(withAgent, "erlang_vm_msacc_emulator_seconds_total"), Series(agentless, "erlang_vm_msacc_emulator_seconds_total"));
        foreach (var family in new[] { "process_resident_memory_bytes", "process_open_fds", "process_max_fds", "process_threads_total",
                     "process_virtual_memory_bytes", "process_start_time_seconds", "process_uptime_seconds", "process_cpu_seconds_total" })
        {
            var ours = agentless.Families.SingleOrDefault(f => f.Name == family);
            Assert.True(ours is not null, $"{family} is missing agentless");
            Assert.True(ours.Samples.All(x => x.Value > 0 || family == "process_cpu_seconds_total"), $"{family}: {ours.Samples[0].Value}");
            Assert.Equal(Series(withAgent, family), Series(agentless, family));
        }
        foreach (var family in withAgent.Families.Where(f => f.Name.StartsWith("erlang_vm_dist_", StringComparison.Ordinal)))
        {
            Assert.Contains(agentless.Families, f => f.Name == family.Name);
        }
        var states = agentless.Families.Single(f => f.Name == "erlang_vm_dist_node_state").Samples;
        Assert.Contains(states, x => x.Value == 3);
        Assert.Contains(agentless.Families.Single(f => f.Name == "erlang_vm_dist_send_bytes").Samples, x => x.Value > 0);
        Assert.Contains(agentless.Families.Single(f => f.Name == "erlang_vm_dist_proc_status").Samples, x => x.Value is >= 1 and <= 6);
        foreach (var family in withAgent.Families.Where(f => f.Name.StartsWith("erlang_mnesia_", StringComparison.Ordinal)))
        {
            Assert.Equal(Series(withAgent, family.Name), Series(agentless, family.Name));
        }
        Assert.Equal(Series(withAgent, "erlang_vm_memory_dets_tables"), Series(agentless, "erlang_vm_memory_dets_tables"));
        Assert.Equal(withAgent.Families.Single(f => f.Name == "erlang_vm_memory_dets_tables").Samples[0].Value,
            agentless.Families.Single(f => f.Name == "erlang_vm_memory_dets_tables").Samples[0].Value);
        var rows = agentless.Families.Single(f => f.Name == "erlang_mnesia_tablewise_size").Samples.Single(x => x.Labels.Get("table") == "gw_agentless_t");
        Assert.Equal(7, rows.Value);
        Assert.True(agentless.Families.Single(f => f.Name == "erlang_mnesia_tablewise_memory_usage_bytes").Samples.All(x => x.Value > 0));
        Assert.Equal(1, agentless.Families.Single(f => f.Name == "erlang_mnesia_running_db_nodes").Samples[0].Value);
        var rss = agentless.Families.Single(f => f.Name == "process_resident_memory_bytes").Samples[0].Value;
        var agentRss = withAgent.Families.Single(f => f.Name == "process_resident_memory_bytes").Samples[0].Value;
        Assert.InRange(rss, agentRss / 2, agentRss * 2);
    }

    [Fact]
    public async Task Agent_options_switch_off_allocators_and_bound_the_reported_queues()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name, """
            _ = [spawn(fun() -> [self() ! x || _ <- lists:seq(1, N * 10)], receive stop -> ok end end) || N <- lists:seq(1, 8)],
            ok.
            """);
        var options = BeamTestSources.Options(testbed);
        options.AgentOptions.Allocators = false;
        options.AgentOptions.TopN = 3;
        options.AgentOptions.Code = false;
        await using var source = BeamTestSources.Create(options);

        var trimmed = await ScrapeAsync(node.Name, source, options);
        var full = await ScrapeAsync(node.Name);

        Assert.True(trimmed.Succeeded, trimmed.ToString());
        Assert.DoesNotContain(trimmed.Families, f => f.Name == "erlang_vm_allocators");
        Assert.Contains(full.Families, f => f.Name == "erlang_vm_allocators");
        var top = trimmed.Families.Single(f => f.Name == "erlang_vm_process_message_queue_length");
        Assert.Equal([80, 70, 60], top.Samples.Select(s => s.Value).Order().Reverse().ToArray());
        Assert.True(full.Families.Single(f => f.Name == "erlang_vm_process_message_queue_length").Samples.Count >= 8);
        Assert.DoesNotContain(trimmed.Families, f => f.Name == "erlang_vm_old_code_modules");
        foreach (var family in CoreFamilies)
        {
            Assert.Contains(trimmed.Families, f => f.Name == family);
        }
    }

    [Fact]
    public async Task Microstate_accounting_is_reported_once_the_node_has_it_switched_on()
    {
        var node = await testbed.StartNodeAsync();
        var before = await ScrapeAsync(node.Name);
        Assert.True(before.Succeeded, before.ToString());
        Assert.DoesNotContain(before.Families, f => f.Name.StartsWith("erlang_vm_msacc_", StringComparison.Ordinal));

        await testbed.Eval.EvalAsync(node.Name, "false = erlang:system_flag(microstate_accounting, true), ok.");
        await testbed.Eval.EvalAsync(node.Name, "lists:foreach(fun(_) -> lists:seq(1, 1000) end, lists:seq(1, 1000)), ok.");
        var after = await ScrapeAsync(node.Name);

        var emulator = after.Families.Single(f => f.Name == "erlang_vm_msacc_emulator_seconds_total");
        Assert.Contains(emulator.Samples, s => s.Labels.Get("type") == "scheduler" && s.Labels.Get("id") == "1");
        Assert.True(emulator.Samples.Sum(s => s.Value) > 0, "no emulator time on any scheduler");
        Assert.Contains(after.Families, f => f.Name == "erlang_vm_msacc_sleep_seconds_total");
    }

    [Fact]
    public async Task Removing_the_agent_on_request_unloads_it_until_it_is_asked_back()
    {
        var node = await testbed.StartNodeAsync();
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options);
        Assert.Equal("loaded v" + GatewayAgentSource.Version, (await ScrapeAsync(node.Name, source, options)).Info["agent"]);

        var what = await source.RemoveAgentAsync(node.Name, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.StartsWith("agent v" + GatewayAgentSource.Version + " removed", what, StringComparison.Ordinal);
        Assert.Equal(ErlangAtom.False, await testbed.Eval.RpcAsync(node.Name, "code", "is_loaded", [ErlangAtom.Of("gateway_agent")], TimeSpan.FromSeconds(10)));
        var handler = await testbed.Eval.RpcAsync(node.Name, "logger", "get_handler_config", [ErlangAtom.Of("gateway_agent")], TimeSpan.FromSeconds(10));
        Assert.True(handler is ErlangTuple { Arity: 2 } t && t[0].IsAtom("error"), handler.ToString());
        var agentless = await ScrapeAsync(node.Name, source, options);
        Assert.True(agentless.Succeeded, agentless.ToString());
        Assert.Equal("removed on request", agentless.Info["agent"]);
        Assert.Contains(agentless.Families, f => f.Name == "erlang_vm_process_count");
        Assert.Equal(ErlangAtom.False, await testbed.Eval.RpcAsync(node.Name, "code", "is_loaded", [ErlangAtom.Of("gateway_agent")], TimeSpan.FromSeconds(10)));
        Assert.Equal("the agent was not loaded", await source.RemoveAgentAsync(node.Name, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.True(source.RestoreAgent(node.Name));
        Assert.False(source.RestoreAgent(node.Name));
        Assert.Equal("loaded v" + GatewayAgentSource.Version, (await ScrapeAsync(node.Name, source, options)).Info["agent"]);
    }

    [Fact]
    public async Task A_node_without_the_compiler_gets_the_shipped_otp25_beam()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name,
            "code:del_path(compiler), code:purge(compile), code:delete(compile), code:purge(compile), ok.");
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options);

        var result = await ScrapeAsync(node.Name, source, options);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("loaded v" + GatewayAgentSource.Version, result.Info["agent"]);
        Assert.Contains(result.Families, f => f.Name == "gateway_agent_version");
        var version = await testbed.Eval.RpcAsync(node.Name, "gateway_agent", "version", [], TimeSpan.FromSeconds(10));
        Assert.True(ErlangInteger.Of(GatewayAgentSource.Version).Equals(version),
            $"the shipped gateway_agent.beam answers version() = {version}, the source is v{GatewayAgentSource.Version}: run src/Collector/Beam/Agent/build-beam.sh");
        var compile = await testbed.Eval.RpcAsync(node.Name, "code", "is_loaded", [ErlangAtom.Of("compile")], TimeSpan.FromSeconds(10));
        Assert.Equal(ErlangAtom.False, compile);
    }

    [Fact]
    public async Task Without_the_shipped_beam_a_node_without_the_compiler_is_collected_agentless_until_another_node_compiled_the_agent()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name,
            "code:del_path(compiler), code:purge(compile), code:delete(compile), code:purge(compile), ok.");
        var options = BeamTestSources.Options(testbed);
        options.AgentOptions.Precompiled = false;
        await using var source = BeamTestSources.Create(options);

        var without = await ScrapeAsync(node.Name, source, options);
        Assert.True(without.Succeeded, without.ToString());
        Assert.StartsWith("unavailable: ", without.Info["agent"], StringComparison.Ordinal);
        Assert.Contains(without.Families, f => f.Name == "erlang_vm_process_count");

        var compiling = await testbed.StartNodeAsync();
        Assert.Equal("loaded v" + GatewayAgentSource.Version, (await ScrapeAsync(compiling.Name, source, options)).Info["agent"]);
        var shipped = await ScrapeAsync(node.Name, source, options);

        Assert.True(shipped.Succeeded, shipped.ToString());
        Assert.Equal("loaded v" + GatewayAgentSource.Version, shipped.Info["agent"]);
    }

    [Fact]
    public async Task A_logger_error_on_the_node_arrives_as_a_routed_notification()
    {
        var first = await ScrapeAsync(testbed.Node.Name);
        Assert.True(first.Succeeded, first.ToString());

        await testbed.Eval.EvalAsync(testbed.Node.Name, "logger:error(\"boom ~p\", [42]), ok.");
        var notification = await testbed.Router.WaitForAsync(n => n.Message.Contains("boom 42", StringComparison.Ordinal));

        Assert.Equal("error", notification.Level);
        Assert.Equal(testbed.Node.Name, notification.Node);
        Assert.Equal("logger", notification.Source);
        Assert.Matches(@"^<\d+\.\d+\.\d+>$", notification.Metadata["pid"]);
    }

    [Fact]
    public async Task A_sasl_alarm_set_and_cleared_on_the_node_arrives_as_notifications_without_an_alarm_manager()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name, "ok = application:start(sasl), ok.");
        Assert.True((await ScrapeAsync(node.Name)).Succeeded);

        await testbed.Eval.EvalAsync(node.Name, "alarm_handler:set_alarm({gateway_test_alarm, \"disk 95%\"}), ok.");
        var set = await testbed.Router.WaitForAsync(n => n.Node == node.Name && n.Source == "alarm_handler" && n.Message.StartsWith("alarm set", StringComparison.Ordinal));
        await testbed.Eval.EvalAsync(node.Name, "alarm_handler:clear_alarm(gateway_test_alarm), ok.");
        var cleared = await testbed.Router.WaitForAsync(n => n.Node == node.Name && n.Source == "alarm_handler" && n.Message.StartsWith("alarm cleared", StringComparison.Ordinal));

        Assert.Contains("gateway_test_alarm", set.Message, StringComparison.Ordinal);
        Assert.Contains("disk 95%", set.Message, StringComparison.Ordinal);
        Assert.Equal("gateway_test_alarm", cleared.Metadata["alarm_id"]);
    }

    [Fact]
    public async Task Release_removes_the_log_handler_from_the_node()
    {
        var node = await testbed.StartNodeAsync();
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options);
        var target = BeamTestSources.Target(options, node.Name);
        Assert.True((await source.ScrapeAsync(target, CancellationToken.None)).Succeeded);
        Assert.True(await HasHandlerAsync(node.Name));

        source.Release(target.Node);

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await HasHandlerAsync(node.Name))
        {
            await Task.Delay(20, guard.Token);
        }
    }

    private async Task<bool> HasHandlerAsync(string node)
    {
        var config = await testbed.Eval.RpcAsync(node, "logger", "get_handler_config", [ErlangAtom.Of("gateway_agent")], TimeSpan.FromSeconds(10));
        return config is ErlangTuple { Arity: 2 } t && t[0].IsAtom("ok");
    }

    [Fact]
    public async Task A_killed_node_fails_with_connection_and_comes_back_after_a_restart()
    {
        var options = new ErlangNodeOptions();
        var node = await testbed.StartNodeAsync(options);
        Assert.True((await ScrapeAsync(node.Name)).Succeeded);

        await node.KillAsync();
        var down = await ScrapeAsync(node.Name);
        Assert.Equal(ScrapeErrorReasons.Connection, down.ErrorReason);

        await testbed.StartNodeAsync(new ErlangNodeOptions { AliveName = options.AliveName });
        var again = await ScrapeAsync(node.Name);

        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal("loaded v" + GatewayAgentSource.Version, again.Info["agent"]);
    }

    [Fact]
    public async Task A_wrong_cookie_fails_with_auth_and_the_message_shows_no_cookie()
    {
        var options = BeamTestSources.Options(testbed, cookie: "not-the-cookie-x7");
        await using var source = BeamTestSources.Create(options);

        var result = await ScrapeAsync(testbed.Node.Name, source, options);

        Assert.Equal(BeamScrapeErrorReasons.Auth, result.ErrorReason);
        Assert.Equal($"node {testbed.Node.Name} rejected the cookie", result.ErrorMessage);
        Assert.DoesNotContain("not-the-cookie-x7", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("testcookie", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_cookie_is_used_for_its_nodes_beside_the_shared_cookie()
    {
        var special = await testbed.StartNodeAsync(new ErlangNodeOptions { Cookie = "groupcookie" });
        var options = BeamTestSources.Options(testbed);
        options.Groups["special"] = [special.Name];
        options.Cookies["special"] = "groupcookie";
        await using var source = BeamTestSources.Create(options);

        var grouped = await ScrapeAsync(special.Name, source, options);
        var shared = await ScrapeAsync(testbed.Node.Name, source, options);

        Assert.True(grouped.Succeeded, grouped.ToString());
        Assert.Equal("special", grouped.Info["group"]);
        Assert.True(shared.Succeeded, shared.ToString());
    }

    [Fact]
    public async Task A_frozen_node_fails_with_timeout()
    {
        var node = await testbed.StartNodeAsync();
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options);
        // The first collection compiles the agent on the node: it gets the usual timeout, not the short one.
        Assert.True((await source.ScrapeAsync(BeamTestSources.Target(options, node.Name), CancellationToken.None)).Succeeded);
        var target = BeamTestSources.Target(options, node.Name) with { Timeout = TimeSpan.FromSeconds(1) };

        await node.SuspendAsync();
        try
        {
            var result = await source.ScrapeAsync(target, CancellationToken.None);

            Assert.Equal(ScrapeErrorReasons.Timeout, result.ErrorReason);
            Assert.Equal($"node {node.Name} did not answer within 1s", result.ErrorMessage);
        }
        finally
        {
            node.Resume();
        }
    }

    [Fact]
    public async Task Without_any_cookie_every_node_fails_with_a_clear_message()
    {
        var options = BeamTestSources.Options(testbed, cookie: null);
        await using var source = BeamTestSources.Create(options);

        var result = await ScrapeAsync(testbed.Node.Name, source, options);

        Assert.Equal(BeamScrapeErrorReasons.Auth, result.ErrorReason);
        Assert.Equal("no cookie: set collect.beam.cookie or ~/.erlang.cookie", result.ErrorMessage);
    }

    [Fact]
    public async Task A_cookie_that_is_not_latin1_fails_with_auth_and_is_not_shown()
    {
        var options = BeamTestSources.Options(testbed, cookie: "k\u0100ey-x9");
        await using var source = BeamTestSources.Create(options);

        var result = await ScrapeAsync(testbed.Node.Name, source, options);

        Assert.Equal(BeamScrapeErrorReasons.Auth, result.ErrorReason);
        Assert.DoesNotContain("ey-x9", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_group_of_a_node_is_in_the_info()
    {
        var options = BeamTestSources.Options(testbed);
        options.Groups["testers"] = ["t*@localhost"];

        var result = await ScrapeAsync(testbed.Node.Name, options: options);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("testers", result.Info["group"]);
    }
}
