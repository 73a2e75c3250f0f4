using MimeKit;

namespace Gateway.Saas.Email;

/// <summary>Parses the <c>from:</c> and <c>to:</c> entries: <c>ops@example.org</c> or <c>Ops &lt;ops@example.org&gt;</c>.</summary>
public static class EmailAddresses
{
    /// <summary>One mailbox with a local part and a domain; no groups, no lists.</summary>
    public static bool TryParse(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }
        if (!MailboxAddress.TryParse(ParserOptions.Default, text.Trim(), out var parsed)
            || string.IsNullOrEmpty(parsed.LocalPart)
            || string.IsNullOrEmpty(parsed.Domain)
            || parsed.Domain.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        mailbox = parsed;
        return true;
    }
}
