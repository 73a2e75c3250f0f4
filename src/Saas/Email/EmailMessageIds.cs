using System.Security.Cryptography;
using System.Text;
using Gateway.Core.Events;

namespace Gateway.Saas.Email;

/// <summary>
/// Message-IDs derived from what the mail is about, so a mail sent again after a crash carries the same
/// Message-ID (mail clients and many servers recognise the duplicate), and the thread root every mail of
/// one alarm refers to (<c>In-Reply-To</c>/<c>References</c>) so clients group its lifecycle.
/// </summary>
/// <remarks>
/// The thread root is a Message-ID no mail carries: the raise mail cannot be the root, because an alarm
/// raised again after its clear has the same alarm id and a second mail with the same Message-ID is
/// dropped as a duplicate by some clients (Gmail). Clients thread children of a missing parent together.
/// </remarks>
public sealed class EmailMessageIds
{
    public EmailMessageIds(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        Domain = domain;
    }

    /// <summary>The right-hand side of every id (the domain of <c>from:</c>).</summary>
    public string Domain { get; }

    /// <summary>One event's mail: <c>&lt;event id&gt;.gateway@domain</c>.</summary>
    public string ForEvent(GatewayEvent e) => e.Id.ToString("N") + ".gateway@" + Domain;

    /// <summary>The thread root of an alarm: <c>alarm.&lt;alarm id&gt;.gateway@domain</c>.</summary>
    public string ThreadOf(Alarm alarm) => "alarm." + Safe(alarm.Id) + ".gateway@" + Domain;

    /// <summary>A digest: a hash of its events' ids, so the same digest sent again has the same id.</summary>
    public string ForDigest(IReadOnlyList<GatewayEvent> events)
    {
        var ids = new StringBuilder(events.Count * 33);
        foreach (var e in events)
        {
            ids.Append(e.Id.ToString("N")).Append('\n');
        }
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(ids.ToString()));
        return "digest." + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + ".gateway@" + Domain;
    }

    // Message-ID's left side is a dot-atom: keep letters, digits, '-', '_' and '.'; the id is ours (hex), so this is a guard.
    private static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }
        return safe.Length > 0 ? safe.ToString() : "_";
    }
}
