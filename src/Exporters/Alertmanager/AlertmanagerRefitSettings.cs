using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Gateway.Exporters.Alertmanager;

/// <summary>System.Text.Json with nulls left out (a firing alert has no <c>endsAt</c>, not <c>"endsAt": null</c>).</summary>
internal static class AlertmanagerRefitSettings
{
    public static RefitSettings Create() => new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));
}
