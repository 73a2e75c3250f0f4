using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Gateway.Saas.Http;

/// <summary>
/// Refit settings shared by the SaaS clients: System.Text.Json, nulls left out (vendors reject
/// <c>"field": null</c> where a field is optional), names as each DTO spells them with
/// <see cref="JsonPropertyNameAttribute"/> (PagerDuty's snake_case, Opsgenie's camelCase).
/// </summary>
public static class SaasRefitSettings
{
    public static RefitSettings Create() => new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));
}
