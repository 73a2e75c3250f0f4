using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>Distribution over TLS against a node started with <c>-proto_dist inet_tls</c> (needs erlang-ssl).</summary>
public sealed class TlsDistributionTests(EpmdOnlyTestbed testbed) : IClassFixture<EpmdOnlyTestbed>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("gw-tls-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Rpc_works_over_tls_with_a_pinned_server_certificate()
    {
        ErlangTools.RequireSsl();
        using var certificate = WriteSelfSigned(out var certFile, out var keyFile);
        var node = await testbed.StartNodeAsync(TlsNode(certFile, keyFile));
        await using var local = Create(certificate.GetCertHashString(HashAlgorithmName.SHA256));

        var result = await local.RpcAsync(node.Name, "erlang", "node", [], TestNodes.RpcTimeout);
        var protocol = await local.RpcAsync(node.Name, "init", "get_argument", [ErlangAtom.Of("proto_dist")], TestNodes.RpcTimeout);

        Assert.Equal(ErlangAtom.Of(node.Name), result);
        // {ok, [["inet_tls"]]}: the node really runs TLS distribution.
        var values = (ErlangList)((ErlangTuple)protocol)[1];
        Assert.True(((ErlangList)values[0])[0].TryGetString(out var proto));
        Assert.Equal("inet_tls", proto);
    }

    [Fact]
    public async Task Untrusted_server_certificate_fails_the_connection()
    {
        ErlangTools.RequireSsl();
        using var certificate = WriteSelfSigned(out var certFile, out var keyFile);
        var node = await testbed.StartNodeAsync(TlsNode(certFile, keyFile));
        await using var local = Create(expectedThumbprint: "00");

        var error = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync(node.Name));

        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
    }

    private static ErlangNodeOptions TlsNode(string certFile, string keyFile) => new()
    {
        ExtraArgs = ["-proto_dist", "inet_tls", "-ssl_dist_opt", "server_certfile", certFile, "server_keyfile", keyFile],
    };

    private LocalNode Create(string expectedThumbprint) =>
        new(new LocalNodeOptions
        {
            NodeName = ErlangNodeOptions.UniqueName("gw") + "@localhost",
            Cookie = "testcookie",
            EpmdPort = testbed.Epmd.Port,
            Tls = new SslClientAuthenticationOptions
            {
                // A self-signed test certificate: trust exactly this one.
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                    cert is not null && string.Equals(cert.GetCertHashString(HashAlgorithmName.SHA256), expectedThumbprint, StringComparison.OrdinalIgnoreCase),
            },
        });

    private X509Certificate2 WriteSelfSigned(out string certFile, out string keyFile)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        certFile = Path.Combine(directory, "cert.pem");
        keyFile = Path.Combine(directory, "key.pem");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportRSAPrivateKeyPem());
        return certificate;
    }
}
