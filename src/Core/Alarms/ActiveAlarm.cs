using Gateway.Core.Events;

namespace Gateway.Core.Alarms;

/// <summary>
/// An active alarm as the manager holds it. <see cref="Confirmed"/> is false for alarms restored at
/// start until their source reports on them; <see cref="ClearDueAt"/> is set while a clear waits for
/// the minimum hold time.
/// </summary>
internal sealed record ActiveAlarm(Alarm Alarm, string Source, bool Confirmed, DateTimeOffset? ClearDueAt);
