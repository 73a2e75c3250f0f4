using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Alarms;

public sealed class AlarmManagerChangeEventTests
{
    [Fact]
    public async Task ActiveChanged_fires_once_per_change_of_the_active_set_and_not_for_no_ops()
    {
        var dir = Directory.CreateTempSubdirectory("gw-alarm-event-").FullName;
        using var manager = new AlarmManager(AlarmManager.PathFor(dir), new NullRouter(), new AlarmsOptions { MinHold = TimeSpan.Zero },
            new FakeTimeProvider(DateTimeOffset.UnixEpoch), NullLogger<AlarmManager>.Instance);
        var changes = 0;
        manager.ActiveChanged += () => changes++;

        var id = await manager.RaiseExternalAsync("n1@host", "disk_full", "/var", Severity.Major, "full");
        Assert.Equal(1, changes);
        await manager.RaiseExternalAsync("n1@host", "disk_full", "/var", Severity.Major, "full");
        Assert.Equal(1, changes);
        await manager.AcknowledgeAsync(id);
        Assert.Equal(2, changes);
        await manager.ClearExternalAsync(id);
        Assert.Equal(3, changes);
    }

    private sealed class NullRouter : IEventRouter
    {
        public Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
