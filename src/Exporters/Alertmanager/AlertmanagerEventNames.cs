using Gateway.Core.Routing;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// What <c>exporters.alertmanager.events</c> takes: the alarm kinds (Alertmanager is for alerts; it gets
/// no notifications or node events).
/// </summary>
public static class AlertmanagerEventNames
{
    /// <summary>The kinds without which an alert would stay firing in Alertmanager (resent, never resolved).</summary>
    public const EventTypes Required = EventTypes.Raised | EventTypes.SeverityChanged | EventTypes.Cleared;

    public static EventVocabulary Vocabulary => EventVocabulary.Alarms;
}
