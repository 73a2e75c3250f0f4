using Gateway.Core.Routing;

namespace Gateway.Saas.Email;

/// <summary>
/// <c>exporters.email:</c> — alarm mails over SMTP, one per alarm event or one digest every
/// <see cref="Digest"/>. Takes the common push keys too (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>,
/// <c>groups</c>, <c>outbox</c>). Every key and its default: <c>README.md</c> beside this file.
/// </summary>
public sealed class EmailExporterOptions : PushExporterOptions
{
    public const string Section = "exporters:email";

    public const string YamlPath = "exporters.email";

    /// <summary>The SMTP server, <c>host:port</c>; without a port 25, 587 or 465 by <see cref="Tls"/>.</summary>
    public string? Smtp { get; set; }

    /// <summary><c>none</c>, <c>starttls</c> (default; required, not opportunistic) or <c>tls</c> (implicit TLS, port 465).</summary>
    public string Tls { get; set; } = EmailTls.StartTlsName;

    /// <summary>SMTP AUTH user; none = no AUTH.</summary>
    public string? Username { get; set; }

    /// <summary>SMTP AUTH password (a secret: never logged, never in a reason or the API).</summary>
    public string? Password { get; set; }

    /// <summary>The sender, <c>gateway@example.org</c> or <c>Gateway &lt;gateway@example.org&gt;</c>; its domain names the Message-IDs.</summary>
    public string? From { get; set; }

    /// <summary>Recipients (one at least).</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Put before every subject (<c>[prod]</c>).</summary>
    public string? SubjectPrefix { get; set; }

    /// <summary>null or <c>0s</c>: one mail per event; otherwise one digest mail at most this often.</summary>
    public TimeSpan? Digest { get; set; }

    /// <summary>Longest one SMTP step may take (connect + login, or one message); below <c>outbox.attemptTimeout</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Add an HTML part beside the plain text.</summary>
    public bool Html { get; set; }

    /// <summary>The gateway's URL as mail readers reach it, for the links (default <c>gateway.externalUrl</c>).</summary>
    public string? GatewayUrl { get; set; }
}
