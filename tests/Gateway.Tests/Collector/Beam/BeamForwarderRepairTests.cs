using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Intake;
using Gateway.Core.Store;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Tests.Collector.Beam.Fixtures;

namespace Gateway.Tests.Collector.Beam;

/// <summary>
/// The agent's logger and alarm_handler handlers are put back by the next collection when they went
/// missing while the connection stayed up (real erl nodes, each test with a node and a source of its own).
/// </summary>
public sealed class BeamForwarderRepairTests(BeamTestbed testbed) : IClassFixture<BeamTestbed>
{
    private static readonly TimeSpan RpcTimeout = TimeSpan.FromSeconds(60); // a hang guard, not a speed limit

    [Fact]
    public async Task A_node_that_starts_sasl_after_the_agent_forwards_an_alarm_set_before_the_next_collection_and_its_clear()
    {
        var node = await testbed.StartNodeAsync();
        var router = new RecordingRouter();
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options, router);
        var target = BeamTestSources.Target(options, node.Name);
        Assert.True((await source.ScrapeAsync(target, CancellationToken.None)).Succeeded);
        Assert.Equal(ErlangAtom.Of("undefined"), await testbed.Eval.RpcAsync(node.Name, "erlang", "whereis", [ErlangAtom.Of("alarm_handler")], RpcTimeout));

        await testbed.Eval.EvalAsync(node.Name, "ok = application:start(sasl), alarm_handler:set_alarm({my_alarm, \"desc\"}), ok.");
        var collected = await source.ScrapeAsync(target, CancellationToken.None);
        var set = await router.WaitForAsync(n => n.Source == "alarm_handler" && n.Metadata["action"] == "set");
        await testbed.Eval.EvalAsync(node.Name, "alarm_handler:clear_alarm(my_alarm), ok.");
        var cleared = await router.WaitForAsync(n => n.Source == "alarm_handler" && n.Metadata["action"] == "clear");

        Assert.True(collected.Succeeded, collected.ToString());
        Assert.Equal(node.Name, set.Node);
        Assert.Equal("my_alarm", set.Metadata["alarm_id"]);
        Assert.Contains("desc", set.Message, StringComparison.Ordinal);
        Assert.Equal("my_alarm", cleared.Metadata["alarm_id"]);
        // Set and clear come from the alarm_handler process, in order: a second set would be here by now.
        Assert.Single(router.Events, e => e.Notification is { Source: "alarm_handler" } n && n.Metadata["action"] == "set");
        Assert.Equal(1, Readded(collected, "alarm_handler"));
    }

    [Fact]
    public async Task A_sasl_alarm_set_on_a_node_whose_sasl_started_after_the_agent_becomes_an_alarm_and_clears()
    {
        var node = await testbed.StartNodeAsync();
        using var dir = new TestDirectory();
        var router = new RecordingRouter();
        using var alarms = new AlarmManager(AlarmManager.PathFor(dir.Path), router, new AlarmsOptions { MinHold = TimeSpan.Zero }, TimeProvider.System, NullLogger<AlarmManager>.Instance);
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options, new CoreIntake(new MetricStore(), router, alarms));
        var target = BeamTestSources.Target(options, node.Name);
        Assert.True((await source.ScrapeAsync(target, CancellationToken.None)).Succeeded);

        await testbed.Eval.EvalAsync(node.Name, "ok = application:start(sasl), alarm_handler:set_alarm({disk_almost_full, \"/var 91%\"}), ok.");
        Assert.True((await source.ScrapeAsync(target, CancellationToken.None)).Succeeded);
        await Until(() => alarms.GetActive().Any(a => a.Type == BeamEventForwarder.AlarmType && a.Resource == "disk_almost_full"), "the SASL alarm raised");
        var alarm = alarms.GetActive().Single(a => a.Node == node.Name);
        Assert.Equal(Severity.Warning, alarm.Severity);
        Assert.Contains("/var 91%", alarm.Description, StringComparison.Ordinal);

        await testbed.Eval.EvalAsync(node.Name, "alarm_handler:clear_alarm(disk_almost_full), ok.");
        await Until(() => alarms.GetActive().Count == 0, "the SASL alarm cleared");
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], router.Events.Select(e => e.Alarm).OfType<AlarmEvent>().Select(e => e.Kind));
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < RpcTimeout, "hang guard: never " + what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Collections_check_the_handlers_without_adding_them_again_while_they_are_in_place()
    {
        var node = await testbed.StartNodeAsync();
        await testbed.Eval.EvalAsync(node.Name, "ok = application:start(sasl), ok.");
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options, new RecordingRouter());
        var target = BeamTestSources.Target(options, node.Name);

        ScrapeResult? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await source.ScrapeAsync(target, CancellationToken.None);
            Assert.True(last.Succeeded, last.ToString());
        }
        Assert.NotNull(last);

        Assert.Equal(0, Readded(last, "logger"));
        Assert.Equal(0, Readded(last, "alarm_handler"));
        var alarmHandlers = (ErlangList)await testbed.Eval.RpcAsync(node.Name, "gen_event", "which_handlers", [ErlangAtom.Of("alarm_handler")], RpcTimeout);
        Assert.Single(alarmHandlers.Elements.ToArray(), h => h.IsAtom("gateway_agent"));
        var loggerHandlers = (ErlangList)await testbed.Eval.RpcAsync(node.Name, "logger", "get_handler_ids", [], RpcTimeout);
        Assert.Single(loggerHandlers.Elements.ToArray(), h => h.IsAtom("gateway_agent"));
    }

    [Fact]
    public async Task A_logger_handler_removed_on_the_node_is_put_back_by_the_next_collection()
    {
        var node = await testbed.StartNodeAsync();
        var router = new RecordingRouter();
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options, router);
        var target = BeamTestSources.Target(options, node.Name);
        Assert.True((await source.ScrapeAsync(target, CancellationToken.None)).Succeeded);

        await testbed.Eval.EvalAsync(node.Name, "ok = logger:remove_handler(gateway_agent), ok.");
        Assert.False(await HasLoggerHandlerAsync(node.Name));
        var collected = await source.ScrapeAsync(target, CancellationToken.None);

        Assert.True(collected.Succeeded, collected.ToString());
        Assert.True(await HasLoggerHandlerAsync(node.Name));
        Assert.Equal(1, Readded(collected, "logger"));
        await testbed.Eval.EvalAsync(node.Name, "logger:error(\"after repair ~p\", [7]), ok.");
        var notification = await router.WaitForAsync(n => n.Message.Contains("after repair 7", StringComparison.Ordinal));
        Assert.Equal(node.Name, notification.Node);
        Assert.Equal("logger", notification.Source);
    }

    [Fact]
    public async Task A_forwarder_dropped_with_gateway_agent_remove_on_the_node_is_installed_again_by_the_gateway()
    {
        var node = await testbed.StartNodeAsync();
        var router = new RecordingRouter();
        var options = BeamTestSources.Options(testbed);
        await using var source = BeamTestSources.Create(options, router);
        var target = BeamTestSources.Target(options, node.Name);
        Assert.True((await source.ScrapeAsync(target, CancellationToken.None)).Succeeded);

        await testbed.Eval.EvalAsync(node.Name, "ok = gateway_agent:remove(), ok.");
        Assert.False(await HasLoggerHandlerAsync(node.Name));
        var collected = await source.ScrapeAsync(target, CancellationToken.None);

        Assert.True(collected.Succeeded, collected.ToString());
        Assert.True(await HasLoggerHandlerAsync(node.Name));
        await testbed.Eval.EvalAsync(node.Name, "logger:error(\"reinstalled ~p\", [8]), ok.");
        var notification = await router.WaitForAsync(n => n.Message.Contains("reinstalled 8", StringComparison.Ordinal));
        Assert.Equal(node.Name, notification.Node);
    }

    private async Task<bool> HasLoggerHandlerAsync(string node)
    {
        var ids = (ErlangList)await testbed.Eval.RpcAsync(node, "logger", "get_handler_ids", [], RpcTimeout);
        return ids.Elements.ToArray().Any(h => h.IsAtom("gateway_agent"));
    }

    private static double Readded(ScrapeResult result, string handler)
    {
        var family = result.Families.SingleOrDefault(f => f.Name == "gateway_agent_handlers_readded_total");
        Assert.True(family is not null, "gateway_agent_handlers_readded_total is missing");
        return family.Samples.Single(s => s.Labels.Get("handler") == handler).Value;
    }
}
