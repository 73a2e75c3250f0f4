using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>
/// snmptrapd on a loopback port with a fresh persistent dir, GATEWAY-MIB loaded and one line per
/// notification in its log: <c>TRAP|&lt;transport&gt;|&lt;varbinds separated by tabs&gt;</c>.
/// </summary>
internal sealed class Snmptrapd : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private Snmptrapd(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    private string LogPath => Path.Combine(_dir, "traps.log");

    /// <param name="port">The UDP port; null picks a free one.</param>
    public static async Task<Snmptrapd> StartAsync(string configuration, int? port = null)
    {
        var binary = NetSnmpTools.SnmpTrapd;
        var mibPath = TestMibs.NetSnmpPath;
        var dir = Directory.CreateTempSubdirectory("gw-snmptrapd-").FullName;
        var persistent = Path.Combine(dir, "persist");
        Directory.CreateDirectory(persistent);
        var conf = Path.Combine(dir, "snmptrapd.conf");
        await File.WriteAllTextAsync(conf, configuration);
        var udp = port ?? FreeUdpPort.Next();
        var psi = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
                 {
                     "-f", "-A", "-C", "-c", conf, "-Lf", Path.Combine(dir, "traps.log"),
                     "-M", mibPath, "-m", "GATEWAY-MIB:SNMPv2-MIB",
                     "-F", "TRAP|%b|%v\n",
                     $"udp:127.0.0.1:{udp}",
                 })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["SNMP_PERSISTENT_DIR"] = persistent;
        psi.Environment["SNMPCONFPATH"] = persistent;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var trapd = new Snmptrapd(process, dir, udp);
        try
        {
            await trapd.WaitForLineAsync(l => l.Contains("NET-SNMP version", StringComparison.Ordinal));
        }
        catch
        {
            trapd.Dispose();
            throw;
        }
        return trapd;
    }

    public string[] Lines()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    /// <summary>The varbinds of the first notification line containing <paramref name="marker"/> (polled, no fixed sleep).</summary>
    public async Task<string[]> VarBindsOfAsync(string marker)
    {
        var line = await WaitForLineAsync(l => l.StartsWith("TRAP|", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal));
        return line.Split('|', 3)[2].Split('\t');
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var line = Lines().FirstOrDefault(predicate);
            if (line is not null)
            {
                return line;
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"snmptrapd exited with {_process.ExitCode}; log:\n{string.Join('\n', Lines())}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no matching snmptrapd log line; log:\n{string.Join('\n', Lines())}");
            }
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
