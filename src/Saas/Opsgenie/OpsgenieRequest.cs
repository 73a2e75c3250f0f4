namespace Gateway.Saas.Opsgenie;

/// <summary>One Alert API call: which, on which alias, with which body.</summary>
public sealed record OpsgenieRequest(OpsgenieCall Call, string Alias, object Body);
