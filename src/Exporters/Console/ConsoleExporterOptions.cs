using Gateway.Core.Routing;

namespace Gateway.Exporters.Console;

/// <summary>
/// <c>exporters.console:</c> — alarms and notifications to the gateway's log, on by default (also when
/// the section is missing; <c>enabled: false</c> turns it off). Takes the common push keys too.
/// </summary>
public sealed class ConsoleExporterOptions : PushExporterOptions
{
    /// <summary>Log alarm events (raise, severity change, clear, ack, comment).</summary>
    public bool Alarms { get; set; } = true;

    /// <summary>Log notifications (forwarded logger events, pushed notifications).</summary>
    public bool Notifications { get; set; } = true;

    /// <summary>Log node up/down/removed events.</summary>
    public bool NodeEvents { get; set; } = true;
}
