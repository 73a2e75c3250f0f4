using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>
/// A set of alarm rules plugged into the one evaluation loop (<see cref="RuleEvaluationService"/>): user
/// threshold rules, the built-in BEAM set, log-pattern rules. The loop calls a set from one thread at a
/// time, so a set keeps its state without locks. A set reports its conditions to the alarm manager under
/// its own alarm source; clearing a removed node's alarms is the node lifecycle's job, not a set's.
/// </summary>
public interface IRuleSet
{
    /// <summary>Short name, for logs.</summary>
    string Name { get; }

    /// <summary>A node's store entry or lifecycle state changed (<see cref="NodeView.Removed"/>: forget it).</summary>
    Task NodeAsync(NodeView view, RuleContext context, CancellationToken cancellationToken);

    /// <summary>A notification was routed (forwarded log event, pushed notification).</summary>
    Task NotificationAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The loop's periodic tick (<c>alarms.checkInterval</c>), for what is due without new input.</summary>
    Task TickAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}
