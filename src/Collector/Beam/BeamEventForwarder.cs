using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Intake;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

/// <summary>
/// Turns what the agent sends to our <c>gateway_logs</c> mailbox into gateway events:
/// <c>{gateway_log, Node, #{level, time, text, meta}}</c> → a <see cref="Notification"/> (source
/// <c>logger</c>); <c>{gateway_alarm, Node, {set, Id, Desc}}</c> / <c>{clear, Id}</c> → an alarm of type
/// <c>sasl_alarm</c>, resource = the alarm id, source <c>sasl</c>, raised/cleared. Both go to Core's
/// <see cref="ICoreIntake"/>.
/// </summary>
public sealed partial class BeamEventForwarder
{
    /// <summary>The alarm type of forwarded SASL alarms.</summary>
    public const string AlarmType = "sasl_alarm";

    /// <summary>The alarm source of forwarded SASL alarms.</summary>
    public const string AlarmSource = AlarmSources.Sasl;

    private readonly ICoreIntake intake;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public BeamEventForwarder(ICoreIntake intake, TimeProvider time, ILogger<BeamEventForwarder> logger)
    {
        this.intake = intake;
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
            await intake.NotifyAsync(ToNotification(node, log), cancellationToken);
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
        if (set)
        {
            await intake.RaiseAlarmAsync(node, AlarmSource, new AlarmCondition(AlarmType, id, Severity.Warning, Text(alarm[2])), cancellationToken);
        }
        else
        {
            await intake.ClearAlarmAsync(node, AlarmSource, AlarmType, id, cancellationToken);
        }
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
