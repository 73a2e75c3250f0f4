using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Gateway.Testing;

/// <summary>
/// A real SMTP server for the e-mail exporter's tests: aiosmtpd (Debian's python3-aiosmtpd, run by the
/// system Python) through <c>tests/Gateway.Tests/Saas/Email/smtp_receiver.py</c>, on a free loopback port, writing every
/// accepted message to a folder. Optional SMTP AUTH, and 550 rejections or 451 temporary failures by recipient prefix. A missing
/// aiosmtpd fails the test with the package to install.
/// </summary>
internal sealed class SmtpReceiver : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private const string Package = "python3-aiosmtpd";
    private readonly string[] _arguments;
    private Process? _process;

    private SmtpReceiver(string dir, int port, string[] arguments)
    {
        Directory = dir;
        Port = port;
        _arguments = arguments;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, the exporter's <c>smtp:</c>.</summary>
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <param name="user">With <paramref name="password"/>: AUTH required, with these credentials.</param>
    /// <param name="rejectPrefixes">Recipients starting with one of these get 550.</param>
    /// <param name="tempfailPrefixes">Recipients starting with one of these get 451.</param>
    /// <param name="tempfailOnce">A message containing one of these gets 451 the first time it comes (by Message-ID), and is accepted again.</param>
    public static async Task<SmtpReceiver> StartAsync(
        string? user = null,
        string? password = null,
        IEnumerable<string>? rejectPrefixes = null,
        IEnumerable<string>? tempfailPrefixes = null,
        IEnumerable<string>? tempfailOnce = null)
    {
        Require();
        var dir = System.IO.Directory.CreateTempSubdirectory("gw-smtp-").FullName;
        var args = new List<string> { "--dir", dir };
        if (user is not null)
        {
            args.AddRange(["--user", user, "--password", password ?? string.Empty]);
        }
        foreach (var prefix in rejectPrefixes ?? [])
        {
            args.AddRange(["--reject", prefix]);
        }
        foreach (var prefix in tempfailPrefixes ?? [])
        {
            args.AddRange(["--tempfail", prefix]);
        }
        foreach (var text in tempfailOnce ?? [])
        {
            args.AddRange(["--tempfail-once", text]);
        }
        var receiver = new SmtpReceiver(dir, FreeTcpPort(), [.. args]);
        await receiver.StartAsync();
        return receiver;
    }

    /// <summary>Stops the server (the port then refuses connections); <see cref="StartAsync()"/> brings it back on the same port.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        if (!process.HasExited)
        {
            process.Kill();
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(TestMibs.RepoRoot, "tests", "Gateway.Tests", "Saas", "Email", "smtp_receiver.py");
        var psi = new ProcessStartInfo(Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add(Port.ToString(CultureInfo.InvariantCulture));
        foreach (var a in _arguments)
        {
            psi.ArgumentList.Add(a);
        }
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("smtp_receiver.py exited: " + errors));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>The raw text of every message so far, in arrival order.</summary>
    public IReadOnlyList<string> RawMessages() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>The AUTH attempts (<c>ok user</c> / <c>fail user</c>).</summary>
    public IReadOnlyList<string> AuthLog()
    {
        var path = Path.Combine(Directory, "auth.log");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    /// <summary>Polls until at least <paramref name="count"/> messages arrived (a generous guard, no fixed sleep).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count)
            {
                return messages;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messages.Count} of {count} messages arrived: " + string.Join(" | ", messages.Select(m => m.Subject)));
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Require()
    {
        var found = File.Exists(Python) && System.IO.Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd");
        if (!found)
        {
            throw new InvalidOperationException(
                $"aiosmtpd for {Python} is not installed: install the Debian package {Package} (apt-get install {Package}), or run ./test.sh as root, which installs it");
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
