using Gateway.Saas.Chat;

namespace Gateway.Saas.Teams;

/// <summary>
/// Options of <c>exporters.teams</c> (every key and its default: README.md in this folder): the workflow
/// URL (<c>webhookUrl</c> or <c>url</c>), <c>timeout</c>, and the common push keys (<c>events</c> takes the alarm kinds).
/// </summary>
public sealed class TeamsExporterOptions : ChatWebhookOptions
{
    public const string Section = "exporters:teams";

    public const string YamlPath = "exporters.teams";
}
