using System.Threading.Channels;
using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Core.Rules;

/// <summary>
/// Hands routed notifications to the log-pattern rules without making the router wait for alarm
/// I/O. Bounded: when the rules fall behind by <see cref="Capacity"/> notifications, new ones are
/// not evaluated (counted in <see cref="Dropped"/>); they are still delivered to the exporters.
/// </summary>
public sealed class NotificationQueue : INotificationObserver
{
    public const int Capacity = 10_000;
    private readonly Channel<Notification> _channel = Channel.CreateBounded<Notification>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<Notification> Reader => _channel.Reader;

    public void Observe(Notification notification)
    {
        if (!_channel.Writer.TryWrite(notification))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
