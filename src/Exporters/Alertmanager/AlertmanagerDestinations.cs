namespace Gateway.Exporters.Alertmanager;

/// <summary>The exporter instances of <c>exporters.alertmanager</c>, one per URL, shared by the kit (their outboxes) and the <see cref="AlertmanagerResender"/>.</summary>
public sealed class AlertmanagerDestinations(IReadOnlyList<AlertmanagerExporter> all, TimeSpan resendInterval)
{
    public IReadOnlyList<AlertmanagerExporter> All { get; } = all;

    public TimeSpan ResendInterval { get; } = resendInterval;

    /// <summary>The instance name of URL <paramref name="index"/> of <paramref name="count"/>: <c>alertmanager</c> alone, else <c>alertmanager-1</c>, <c>alertmanager-2</c> …</summary>
    public static string NameOf(int index, int count) => count == 1 ? "alertmanager" : $"alertmanager-{index + 1}";
}
