using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>
/// The log-pattern rules (<c>alarms.logRules</c>) as a rule set: every routed notification is matched,
/// and each tick clears the alarms whose quiet period is over.
/// </summary>
public sealed class LogRuleSet : IRuleSet
{
    private readonly LogRuleEngine _engine;

    public LogRuleSet(LogRuleEngine engine)
    {
        _engine = engine;
    }

    public string Name => "logRules";

    public Task NodeAsync(NodeView view, RuleContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task NotificationAsync(Notification notification, CancellationToken cancellationToken) =>
        _engine.Rules.Count == 0 ? Task.CompletedTask : _engine.ObserveAsync(notification, cancellationToken);

    public Task TickAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _engine.Rules.Count == 0 ? Task.CompletedTask : _engine.ClearQuietAsync(cancellationToken);
}
