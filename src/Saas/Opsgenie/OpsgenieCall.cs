namespace Gateway.Saas.Opsgenie;

/// <summary>Which Alert API call a gateway event becomes.</summary>
public enum OpsgenieCall
{
    Create,
    Close,
    Acknowledge,
    Unacknowledge,
    AddNote,
    UpdatePriority,
}
