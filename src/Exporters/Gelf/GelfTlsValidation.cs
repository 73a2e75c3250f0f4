using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Exporters.Gelf;

/// <summary>The server certificate check of a <c>tls://</c> or <c>https://</c> endpoint, from <see cref="GelfTlsOptions"/>.</summary>
public static class GelfTlsValidation
{
    /// <summary>Null: the platform's default check against the system trust store.</summary>
    public static RemoteCertificateValidationCallback? Callback(GelfTlsOptions? tls)
    {
        if (tls is null)
        {
            return null;
        }
        if (tls.InsecureSkipVerify)
        {
            // An explicit, documented opt-out (insecureSkipVerify: true) for test set-ups.
#pragma warning disable CA5359
            return static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        if (tls.CaFile is not { } caFile)
        {
            return null;
        }
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return (_, certificate, _, errors) =>
        {
            // The name must match whatever the CA; only the chain is checked against the file's CAs.
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = new X509Certificate2(certificate);
            return chain.Build(leaf);
        };
    }
}
