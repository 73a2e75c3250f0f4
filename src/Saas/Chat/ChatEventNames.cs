using Gateway.Core.Routing;

namespace Gateway.Saas.Chat;

/// <summary>
/// What the <c>events</c> key of a chat exporter (Slack, Teams) takes: the alarm kinds. A chat channel gets
/// alarms only — a node going down is the <c>node_down</c> alarm already, and a log stream would crowd the
/// channel out (and, at Slack's one message a second, hold the alarms up behind it).
/// </summary>
public static class ChatEventNames
{
    public static EventVocabulary Vocabulary { get; } = new(
    [
        ("raised", EventTypes.Raised),
        ("severity_changed", EventTypes.SeverityChanged),
        ("cleared", EventTypes.Cleared),
        ("acknowledged", EventTypes.Acknowledged),
        ("unacknowledged", EventTypes.Unacknowledged),
        ("commented", EventTypes.Commented),
        ("alarms", EventTypes.Alarms),
    ]);
}
