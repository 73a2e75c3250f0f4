namespace Gateway.Saas.Opsgenie;

/// <summary>
/// One entry of <c>exporters.opsgenie.responders</c>: <c>type</c> team, user, escalation or schedule, and one of
/// <c>id</c>, <c>name</c> (team, escalation, schedule) or <c>username</c> (user).
/// </summary>
public sealed class OpsgenieResponderOptions
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Username { get; set; }
}
