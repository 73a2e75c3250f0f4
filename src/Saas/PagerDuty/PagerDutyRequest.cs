namespace Gateway.Saas.PagerDuty;

/// <summary>What one gateway event becomes: an alert event or a change event (exactly one is set).</summary>
public sealed record PagerDutyRequest(PagerDutyAlertEvent? Alert, PagerDutyChangeEvent? Change);
