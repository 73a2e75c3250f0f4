using Gateway.Saas.Chat;

namespace Gateway.Saas.Slack;

/// <summary>
/// Options of <c>exporters.slack</c> (every key and its default: README.md in this folder): the webhook
/// URL (<c>webhookUrl</c> or <c>url</c>), <c>timeout</c>, and the common push keys (<c>events</c> takes the alarm kinds).
/// </summary>
public sealed class SlackExporterOptions : ChatWebhookOptions
{
    public const string Section = "exporters:slack";

    public const string YamlPath = "exporters.slack";
}
