using Gateway.Snmp.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Snmp.Tests.Engine;

public sealed class EngineIdStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-engine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_engine_id_survives_restarts_and_every_start_counts_a_boot()
    {
        var first = SnmpEngine.LoadOrCreate(_dir);
        var second = SnmpEngine.LoadOrCreate(_dir);
        var third = SnmpEngine.LoadOrCreate(_dir);
        Assert.Equal(first.EngineId, second.EngineId);
        Assert.Equal(first.EngineId, third.EngineId);
        Assert.Equal((1, 2, 3), (first.Boots, second.Boots, third.Boots));
        Assert.Equal(0x80, first.EngineId[0]);
        Assert.Equal(5, first.EngineId[4]);
    }

    [Fact]
    public void An_explicit_engine_id_replaces_the_stored_one_and_restarts_boots()
    {
        SnmpEngine.LoadOrCreate(_dir);
        SnmpEngine.LoadOrCreate(_dir);
        var explicitId = SnmpEngineId.FromText(99999, "configured");
        var state = EngineIdStore.LoadAndIncrementBoots(_dir, () => throw new InvalidOperationException(), explicitId);
        Assert.Equal(explicitId, state.EngineId);
        Assert.Equal(1, state.Boots);
        Assert.Equal(2, EngineIdStore.LoadAndIncrementBoots(_dir, () => throw new InvalidOperationException(), explicitId).Boots);
    }

    [Fact]
    public void Engine_ids_follow_the_rfc_3411_enterprise_format()
    {
        Assert.Equal("800186 9F04676174657761792D31".Replace(" ", "", StringComparison.Ordinal), Convert.ToHexString(SnmpEngineId.FromText(99999, "gateway-1")));
        Assert.Equal(17, SnmpEngineId.FromRandom(99999).Length);
        Assert.Equal(SnmpEngineId.FromText(1, "x"), SnmpEngineId.Parse("0x800000010478"));
    }

    [Fact]
    public void Engine_time_and_sys_up_time_follow_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var engine = new SnmpEngine(SnmpEngineId.FromText(99999, "clock"), 7, time);
        time.Advance(TimeSpan.FromSeconds(12.345));
        Assert.Equal(12, engine.EngineTime);
        Assert.Equal(1234u, engine.SysUpTime);
    }
}
