using Gateway.Core.Rules.Beam;
using Gateway.Core.Events;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Tests.Collector.Beam.Fixtures;

namespace Gateway.Tests.Core.Rules.Beam;

/// <summary>The built-in alarms against real OTP nodes: each condition is provoked on the node, collected, raised, then undone and cleared.</summary>
public sealed class BeamAlarmsOnRealErlTests(BeamTestbed testbed) : IClassFixture<BeamTestbed>
{
    private BeamAlarmHarness Harness(BeamAlarmOptions? options = null) =>
        new(testbed.Source, testbed.Options, options ?? new BeamAlarmOptions());

    private Task<ErlangTerm> EvalAsync(ErlangNode node, string code) => testbed.Eval.EvalAsync(node.Name, code);

    [Fact]
    public async Task Ets_tables_at_99_percent_of_the_limit_raise_a_critical_alarm_that_clears_when_their_owner_stops()
    {
        var node = await testbed.StartNodeAsync();
        await using var harness = Harness();
        await harness.StartAsync();

        // OTP 25 neither lowers the limit below 8192 nor enforces it (TESTBED.md): fill to 99 % of it.
        await EvalAsync(node, """
            L = erlang:system_info(ets_limit), N = (L * 99) div 100 - erlang:system_info(ets_count),
            Self = self(),
            H = spawn(fun() -> [ets:new(hog, []) || _ <- lists:seq(1, N)], Self ! filled, receive stop -> ok end end),
            register(ets_hog, H),
            receive filled -> ok end.
            """);
        Assert.True(await harness.CollectAsync(node.Name));
        var raised = await harness.WaitForAsync(node.Name, a => a.Any(x => x.Type == "ets_limit"));
        var ets = Assert.Single(raised, a => a.Type == "ets_limit");
        Assert.Equal(("node", Severity.Critical), (ets.Resource, ets.Severity));
        Assert.True(ets.Value >= 98.9, $"ets usage {ets.Value} %");

        await EvalAsync(node, "Ref = monitor(process, ets_hog), ets_hog ! stop, receive {'DOWN', Ref, _, _, _} -> ok end.");
        Assert.True(await harness.CollectAsync(node.Name));
        await harness.WaitForAsync(node.Name, a => !a.Any(x => x.Type == "ets_limit"));
        Assert.Contains(harness.Router.Events, e => e.Alarm is { Alarm: { Type: "ets_limit", Severity: Severity.Cleared } });
    }

    [Fact]
    public async Task A_registered_process_with_25000_queued_messages_raises_a_major_alarm_that_clears_when_drained()
    {
        var node = await testbed.StartNodeAsync();
        await using var harness = Harness();
        await harness.StartAsync();

        await EvalAsync(node, """
            Drain = fun D() -> receive {m, _} -> D() after 0 -> ok end end,
            Q = spawn(fun L() -> receive drain -> Drain(), L(); stop -> ok end end),
            register(mq_hog, Q),
            [Q ! {m, I} || I <- lists:seq(1, 25000)], ok.
            """);
        Assert.True(await harness.CollectAsync(node.Name));
        var raised = await harness.WaitForAsync(node.Name, a => a.Any(x => x.Type == "message_queue"));
        var mq = Assert.Single(raised, a => a.Type == "message_queue");
        Assert.Equal(("mq_hog", Severity.Major), (mq.Resource, mq.Severity));
        Assert.True(mq.Value >= 25000, $"queue {mq.Value}");

        await EvalAsync(node, """
            mq_hog ! drain,
            Wait = fun W() -> case process_info(whereis(mq_hog), message_queue_len) of
                        {message_queue_len, 0} -> ok; _ -> timer:sleep(10), W() end end,
            ok = Wait().
            """);
        Assert.True(await harness.CollectAsync(node.Name));
        await harness.WaitForAsync(node.Name, a => !a.Any(x => x.Type == "message_queue"));
        await EvalAsync(node, "mq_hog ! stop, ok.");
    }

    [Fact]
    public async Task Two_nodes_of_a_group_with_different_application_versions_and_an_extra_application_are_warned()
    {
        var a = await testbed.StartNodeAsync();
        var b = await testbed.StartNodeAsync();
        await using var harness = Harness();
        await harness.StartAsync();
        const string Spec = "application:load({application, myapp, [{vsn, \"VSN\"}, {modules, []}, {registered, []}, {applications, [kernel, stdlib]}]}), ok = application:start(myapp).";
        await EvalAsync(a, Spec.Replace("VSN", "1.0", StringComparison.Ordinal));
        await EvalAsync(b, Spec.Replace("VSN", "2.0", StringComparison.Ordinal));
        await EvalAsync(b, "application:load({application, onlyb, [{vsn, \"0.1\"}, {modules, []}, {registered, []}, {applications, [kernel]}]}), ok = application:start(onlyb).");

        Assert.True(await harness.CollectAsync(a.Name, "g"));
        Assert.True(await harness.CollectAsync(b.Name, "g"));

        // a is re-evaluated when b arrives in its group, without a new collection of its own.
        var onA = await harness.WaitForAsync(a.Name, x => x.Count(y => y.Severity == Severity.Warning) == 2);
        Assert.Equal(
            [("different_application_versions", "myapp"), ("missing_application", "onlyb")],
            onA.Select(x => (x.Type, x.Resource)).Order());
        Assert.Contains("2.0", onA.Single(x => x.Resource == "myapp").Description, StringComparison.Ordinal);
        var onB = await harness.WaitForAsync(b.Name, x => x.Any(y => y.Type == "different_application_versions"));
        Assert.DoesNotContain(onB, x => x.Type == "missing_application");

        // Stopping the extra application clears a's missing_application at b's next collection.
        await EvalAsync(b, "ok = application:stop(onlyb).");
        Assert.True(await harness.CollectAsync(b.Name, "g"));
        await harness.WaitForAsync(a.Name, x => !x.Any(y => y.Type == "missing_application") && x.Any(y => y.Type == "different_application_versions"));
    }

    [Fact]
    public async Task A_module_in_two_code_path_directories_raises_a_major_module_clash()
    {
        var node = await testbed.StartNodeAsync();
        var baseDir = Path.Combine(Path.GetTempPath(), "gateway-clash-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var harness = Harness();
            await harness.StartAsync();
            await testbed.Eval.EvalAsync(node.Name, """
                {ok, clashmod, Bin} = compile:forms([{attribute, 1, module, clashmod}], []),
                B = binary_to_list(Base), Dirs = [filename:join(B, "a"), filename:join(B, "b")],
                [begin ok = filelib:ensure_dir(filename:join(D, "x")),
                       ok = file:write_file(filename:join(D, "clashmod.beam"), Bin),
                       true = code:add_patha(D) end || D <- Dirs],
                ok.
                """, ("Base", ErlangTerm.Binary(baseDir)));

            Assert.True(await harness.CollectAsync(node.Name));
            var raised = await harness.WaitForAsync(node.Name, a => a.Any(x => x.Type == "module_clash"));
            var clash = Assert.Single(raised, a => a.Type == "module_clash");
            Assert.Equal(("clashmod", Severity.Major), (clash.Resource, clash.Severity));
            Assert.Contains(Path.Combine(baseDir, "a"), clash.Description, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(baseDir, "b"), clash.Description, StringComparison.Ordinal);

            // Removing one directory from the path clears it (the agent's cache is keyed on the path).
            await testbed.Eval.EvalAsync(node.Name, "true = code:del_path(filename:join(binary_to_list(Base), \"b\")), ok.", ("Base", ErlangTerm.Binary(baseDir)));
            Assert.True(await harness.CollectAsync(node.Name));
            await harness.WaitForAsync(node.Name, a => !a.Any(x => x.Type == "module_clash"));
        }
        finally
        {
            Directory.Delete(baseDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_module_reloaded_without_purge_raises_a_minor_old_code_alarm_that_clears_after_the_purge()
    {
        var node = await testbed.StartNodeAsync();
        await using var harness = Harness();
        await harness.StartAsync();

        await EvalAsync(node, """
            {ok, oldmod, Bin} = compile:forms([{attribute, 1, module, oldmod}], []),
            {module, oldmod} = code:load_binary(oldmod, "oldmod.beam", Bin),
            {module, oldmod} = code:load_binary(oldmod, "oldmod.beam", Bin),
            true = erlang:check_old_code(oldmod), ok.
            """);
        Assert.True(await harness.CollectAsync(node.Name));
        var raised = await harness.WaitForAsync(node.Name, a => a.Any(x => x.Type == "old_code"));
        var old = Assert.Single(raised, a => a.Type == "old_code");
        Assert.Equal(("oldmod", Severity.Minor), (old.Resource, old.Severity));

        await EvalAsync(node, "code:purge(oldmod), false = erlang:check_old_code(oldmod), ok.");
        Assert.True(await harness.CollectAsync(node.Name));
        await harness.WaitForAsync(node.Name, a => !a.Any(x => x.Type == "old_code"));
    }

    [Fact]
    public async Task A_killed_node_gets_node_down_after_the_delay_and_it_clears_when_the_node_is_back()
    {
        var options = new ErlangNodeOptions();
        var node = await testbed.StartNodeAsync(options);
        await using var harness = Harness(new BeamAlarmOptions { NodeDownAfter = TimeSpan.FromSeconds(1), CheckInterval = TimeSpan.FromMilliseconds(100) });
        await harness.StartAsync();
        Assert.True(await harness.CollectAsync(node.Name));

        await node.KillAsync();
        Assert.False(await harness.CollectAsync(node.Name));
        var down = await harness.WaitForAsync(node.Name, a => a.Any(x => x.Type == "node_down"));
        Assert.Equal(("node", Severity.Major), (down.Single().Resource, down.Single().Severity));

        var again = await testbed.StartNodeAsync(new ErlangNodeOptions { AliveName = options.AliveName });
        Assert.Equal(node.Name, again.Name);
        Assert.True(await harness.CollectAsync(again.Name));
        await harness.WaitForAsync(node.Name, a => a.Count == 0);
        Assert.Contains(harness.Router.Events, e => e.Alarm is { Alarm: { Type: "node_down", Severity: Severity.Cleared } });
    }
}
