using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Core.Export;
using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfTlsTransportTests : IDisposable
{
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"gelf-ca-{Guid.NewGuid():N}.pem");

    public GelfTlsTransportTests() => File.WriteAllText(_caFile, _certificate.ExportCertificatePem());

    public void Dispose()
    {
        _certificate.Dispose();
        File.Delete(_caFile);
    }

    [Fact]
    public async Task Frames_arrive_inside_tls_when_the_certificate_chains_to_the_ca_file()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = ServeOneAsync(listener);
        await using var transport = new GelfTcpTransport(GelfEndpoint.Parse($"tls://localhost:{port}"), TimeSpan.FromSeconds(30), 1024 * 1024, new GelfTlsOptions { CaFile = _caFile });

        var result = await transport.SendAsync([Encoding.UTF8.GetBytes("{\"a\":1}"), Encoding.UTF8.GetBytes("{\"b\":2}")], CancellationToken.None);

        Assert.Same(DeliveryResult.Delivered, result);
        Assert.Equal("{\"a\":1}\0{\"b\":2}\0", await server);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_a_retry_not_a_delivery()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = ServeOneAsync(listener);
        await using var transport = new GelfTcpTransport(GelfEndpoint.Parse($"tls://localhost:{port}"), TimeSpan.FromSeconds(30), 1024 * 1024, null);

        var result = await transport.SendAsync([Encoding.UTF8.GetBytes("{}")], CancellationToken.None);

        Assert.Equal(0, Assert.IsType<DeliveryResult.RetryResult>(result).DeliveredCount);
    }

    private async Task<string> ServeOneAsync(TcpListener listener)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await listener.AcceptTcpClientAsync(timeout.Token);
        await using var tls = new SslStream(client.GetStream());
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, timeout.Token);
        }
        catch (AuthenticationException)
        {
            return string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (received.Count(b => b == 0) < 2)
        {
            var n = await tls.ReadAsync(buffer, timeout.Token);
            if (n == 0)
            {
                break;
            }
            received.AddRange(buffer[..n]);
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
