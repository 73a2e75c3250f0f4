using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Saas.Webhook;

/// <summary>
/// <c>X-Gateway-Signature: sha256=&lt;hex&gt;</c> = HMAC-SHA256(secret, <c>&lt;X-Gateway-Timestamp&gt;.&lt;body&gt;</c>):
/// the timestamp (Unix seconds) is signed with the body, so a receiver that checks the signature and
/// refuses old timestamps rejects both forgeries and replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Gateway-Signature";

    public const string TimestampHeader = "X-Gateway-Timestamp";

    public static string Timestamp(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
