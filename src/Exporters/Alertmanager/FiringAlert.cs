using Gateway.Core.Events;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// An alert as Alertmanager last received it from this exporter: the alarm, the severity its
/// <c>severity</c> label carries, the <c>job</c> label chosen when it was first posted (kept, as labels
/// are the alert's identity), when this severity started, and the last operator comment.
/// </summary>
internal sealed record FiringAlert(Alarm Alarm, Severity Severity, string Job, DateTimeOffset StartsAt, string? Comment = null);
