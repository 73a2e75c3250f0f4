using MailKit.Security;

namespace Gateway.Saas.Email;

/// <summary>The <c>tls:</c> names and what they mean for MailKit.</summary>
public static class EmailTls
{
    public const string NoneName = "none";

    public const string StartTlsName = "starttls";

    public const string TlsName = "tls";

    public const string Names = "none, starttls, tls";

    /// <summary>
    /// <c>starttls</c> is <see cref="SecureSocketOptions.StartTls"/>, not <c>StartTlsWhenAvailable</c>: a
    /// server (or a man in the middle) that stops offering STARTTLS must not get the password in clear.
    /// </summary>
    public static bool TryParse(string? name, out SecureSocketOptions options)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case NoneName:
                options = SecureSocketOptions.None;
                return true;
            case StartTlsName:
                options = SecureSocketOptions.StartTls;
                return true;
            case TlsName:
                options = SecureSocketOptions.SslOnConnect;
                return true;
            default:
                options = SecureSocketOptions.None;
                return false;
        }
    }

    /// <summary>The usual port: 25 without TLS, 587 (submission) with STARTTLS, 465 (submissions) with TLS.</summary>
    public static int DefaultPort(SecureSocketOptions options) => options switch
    {
        SecureSocketOptions.None => 25,
        SecureSocketOptions.SslOnConnect => 465,
        _ => 587,
    };
}
