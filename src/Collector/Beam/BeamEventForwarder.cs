using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Routing;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

/// <summary>
/// Turns what the agent sends to our <c>gateway_logs</c> mailbox into gateway events:
/// <c>{gateway_log, Node, #{level, time, text, meta}}</c> → a <see cref="Notification"/> (source
/// <c>logger</c>) through <see cref="IEventRouter"/>; <c>{gateway_alarm, Node, {set, Id, Desc}}</c> /
/// <c>{clear, Id}</c> → an alarm of type <c>sasl_alarm</c>, resource = the alarm id, raised/cleared
/// through <see cref="AlarmManager"/> (source <c>sasl</c>). Without an AlarmManager (a host that
/// has none) the alarm travels as a notification with source <c>alarm_handler</c> instead. Both
/// services are resolved at each message, so a host registering them late still gets events.
/// </summary>
public sealed partial class BeamEventForwarder
{
    /// <summary>The alarm type of forwarded SASL alarms.</summary>
    public const string AlarmType = "sasl_alarm";

    /// <summary>The alarm source of forwarded SASL alarms.</summary>
    public const string AlarmSource = "sasl";

    private readonly Func<IEventRouter?> router;
    private readonly Func<AlarmManager?> alarms;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public BeamEventForwarder(Func<IEventRouter?> router, Func<AlarmManager?> alarms, TimeProvider time, ILogger<BeamEventForwarder> logger)
    {
        this.router = router;
        this.alarms = alarms;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Handles one mailbox message; anything unexpected is logged at debug and dropped.</summary>
    public async Task HandleAsync(ErlangTerm message, CancellationToken cancellationToken)
    {
        if (message is not ErlangTuple { Arity: 3 } t || !t[1].TryGetString(out var node))
        {
            Unexpected(message);
            return;
        }
        if (t[0].IsAtom("gateway_log") && t[2] is ErlangMap log)
        {
            await RouteAsync(ToNotification(node, log), cancellationToken);
        }
        else if (t[0].IsAtom("gateway_alarm") && t[2] is ErlangTuple alarm)
        {
            await AlarmAsync(node, alarm, cancellationToken);
        }
        else
        {
            Unexpected(message);
        }
    }

    /// <summary>The notification for one forwarded logger event.</summary>
    public Notification ToNotification(string node, ErlangMap log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var level = log.TryGetValue(ErlangAtom.Of("level"), out var l) && l.TryGetString(out var ls) ? ls : "info";
        var text = log.TryGetValue(ErlangAtom.Of("text"), out var x) && x.TryGetString(out var xs) ? xs : string.Empty;
        var when = log.TryGetValue(ErlangAtom.Of("time"), out var tm) && tm.TryGetLong(out var micros)
            ? DateTimeOffset.FromUnixTimeMilliseconds(micros / 1000).AddTicks(micros % 1000 * 10)
            : time.GetUtcNow();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (log.TryGetValue(ErlangAtom.Of("meta"), out var meta) && meta is ErlangMap metaMap)
        {
            foreach (var (key, value) in metaMap.Pairs)
            {
                var name = key.TryGetString(out var k) ? k : key.ToString();
                metadata[name] = Text(value);
            }
        }
        return new Notification(Guid.NewGuid(), node, when, level, text, metadata, "logger");
    }

    private async Task AlarmAsync(string node, ErlangTuple alarm, CancellationToken cancellationToken)
    {
        var set = alarm.Arity == 3 && alarm[0].IsAtom("set");
        var clear = alarm.Arity == 2 && alarm[0].IsAtom("clear");
        if (!set && !clear)
        {
            Unexpected(alarm);
            return;
        }
        var id = Text(alarm[1]);
        var description = set ? Text(alarm[2]) : string.Empty;
        var manager = alarms();
        if (manager is not null)
        {
            if (set)
            {
                await manager.RaiseAsync(node, AlarmSource, new AlarmCondition(AlarmType, id, Severity.Warning, description), cancellationToken);
            }
            else
            {
                await manager.ClearConditionAsync(node, AlarmType, id, cancellationToken);
            }
            return;
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["alarm_id"] = id, ["action"] = set ? "set" : "clear" };
        var message = set ? $"alarm set: {id}: {description}" : $"alarm cleared: {id}";
        await RouteAsync(new Notification(Guid.NewGuid(), node, time.GetUtcNow(), set ? "warning" : "notice", message, metadata, "alarm_handler"), cancellationToken);
    }

    private async Task RouteAsync(Notification notification, CancellationToken cancellationToken)
    {
        var target = router();
        if (target is null)
        {
            return;
        }
        await target.RouteAsync([GatewayEvent.From(notification)], cancellationToken);
    }

    private static string Text(ErlangTerm term) =>
        term is ErlangInteger i ? i.Value.ToString(CultureInfo.InvariantCulture)
        : term is ErlangList list && list.Count > 0 && list.All(e => e is ErlangAtom) ? string.Join(",", list.Select(e => ((ErlangAtom)e).Name))
        : term.TryGetString(out var s) ? s
        : term.ToString();

    private void Unexpected(ErlangTerm message)
    {
        // Guarded: printing a term costs, and this is a debug message.
        if (logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // guarded by IsEnabled just above
            LogUnexpected(logger, Truncate(message.ToString()));
#pragma warning restore CA1873
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
