namespace Gateway.Core.Alarms;

/// <summary>
/// Who owns an alarm. A source reports the full set of its conditions per node; alarms of a source
/// are cleared when a report no longer contains them. External alarms are only cleared explicitly.
/// </summary>
public static class AlarmSources
{
    /// <summary>Raised through the HTTP API; never cleared by re-evaluation or by the startup grace.</summary>
    public const string External = "external";

    /// <summary>User threshold rules (<c>alarms.rules</c>).</summary>
    public const string Rules = "rules";

    /// <summary>The built-in BEAM alarms.</summary>
    public const string Beam = "beam";

    /// <summary>The node lifecycle: <c>node_down</c>, for every source's nodes.</summary>
    public const string Node = "node";

    /// <summary>Alarms a BEAM node raises itself (SASL <c>alarm_handler</c>, forwarded by the agent).</summary>
    public const string Sasl = "sasl";
}
