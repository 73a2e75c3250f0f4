using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Benchmarks;

/// <summary>Shared sample data for the SNMP benchmarks.</summary>
internal static class BenchFixtures
{
    public static readonly SnmpEngine Engine = new(SnmpEngineId.FromText(SnmpEngineId.PlaceholderEnterprise, "gw-bench"), 1);

    public static readonly GatewayAlarmInfo Alarm = new(
        42, "n1@host1/disk_full//var", "n1@host1", "disk_full", "/var", GwSeverity.Major,
        "disk usage above threshold", new DateTimeOffset(2026, 11, 26, 10, 20, 30, TimeSpan.Zero), "93.5", "90");

    public static readonly SnmpNotification Notification = new GatewayNotifications().AlarmRaised(Alarm);

    public static UsmUser User() => new("gwuser", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123");
}

/// <summary>A UDP socket we own that counts datagrams on a background thread.</summary>
internal sealed class UdpSink : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Thread _thread;
    private long _count;

    public UdpSink()
    {
        _socket.ReceiveBufferSize = 8 * 1024 * 1024;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _thread = new Thread(Drain) { IsBackground = true };
        _thread.Start();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public long Count => Interlocked.Read(ref _count);

    private void Drain()
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                _socket.Receive(buffer);
                Interlocked.Increment(ref _count);
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _socket.Dispose();
}

/// <summary>snmptrapd on a free port logging one line per notification (no MIB loaded: numeric OIDs).</summary>
internal sealed class TrapdProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    public TrapdProcess(string extraConfig)
    {
        _dir = Directory.CreateTempSubdirectory("gw-bench-trapd-").FullName;
        var persist = Path.Combine(_dir, "persist");
        Directory.CreateDirectory(persist);
        File.WriteAllText(Path.Combine(_dir, "snmptrapd.conf"), "disableAuthorization yes\n" + extraConfig);
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var psi = new ProcessStartInfo("/usr/sbin/snmptrapd") { UseShellExecute = false };
        foreach (var a in new[] { "-f", "-C", "-c", Path.Combine(_dir, "snmptrapd.conf"), "-Lf", LogPath, "-On", "-F", "TRAP|%v\n", $"udp:127.0.0.1:{Port}" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["SNMP_PERSISTENT_DIR"] = persist;
        psi.Environment["SNMPCONFPATH"] = persist;
        _process = Process.Start(psi) ?? throw new InvalidOperationException("snmptrapd did not start (apt-get install snmptrapd)");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(LogPath) || !File.ReadAllText(LogPath).Contains("NET-SNMP version", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("snmptrapd not ready");
            }

            Thread.Sleep(20);
        }
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string LogPath => Path.Combine(_dir, "traps.log");

    public long LoggedTraps()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long n = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("TRAP|", StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
