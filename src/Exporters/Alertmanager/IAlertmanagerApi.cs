using Refit;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// Alertmanager's API v2, the one call the exporter makes. Answers are returned, not thrown: the exporter
/// maps them with <see cref="Core.Export.HttpDelivery"/>.
/// </summary>
public interface IAlertmanagerApi
{
    /// <summary><c>POST /api/v2/alerts</c> with a JSON array of postable alerts; 200 when accepted, 400 with the validation errors.</summary>
    [Post("/api/v2/alerts")]
    Task<HttpResponseMessage> PostAlertsAsync([Body] IReadOnlyList<PostableAlert> alerts, CancellationToken cancellationToken);
}
