using System.Diagnostics;
using System.Net;

namespace Gateway.Testing;

/// <summary>
/// snmptrapd on a free loopback port with a fresh persistent dir, our MIB loaded and one line per
/// notification in its log: <c>TRAP|&lt;transport&gt;|&lt;varbinds separated by tabs&gt;</c>.
/// </summary>
internal sealed class SnmpTrapd : IDisposable
{
    private readonly ProcessStartInfo _startInfo;
    private readonly string _dir;
    private Process _process;

    private SnmpTrapd(ProcessStartInfo startInfo, string dir, int port)
    {
        _startInfo = startInfo;
        _process = Launch(startInfo);
        _dir = dir;
        Port = port;
    }

    private static Process Launch(ProcessStartInfo startInfo)
    {
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Stops and starts snmptrapd on the same port, optionally with a new configuration.</summary>
    /// <remarks>With -C snmptrapd does not read its persistent file back, so a stable engine ID and a
    /// boots jump have to come from the configuration (<c>oldEngineID</c>, <c>engineBoots</c>).</remarks>
    public async Task RestartAsync(string? newConfiguration = null)
    {
        if (newConfiguration is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(_dir, "snmptrapd.conf"), newConfiguration);
        }

        int starts = Lines().Count(IsStartLine);
        // SIGTERM, not SIGKILL: snmptrapd saves its engine ID and boots on a clean shutdown.
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = Launch(_startInfo);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Lines().Count(IsStartLine) <= starts)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("snmptrapd did not restart");
            }

            await Task.Delay(20);
        }
    }

    public int Port { get; }

    // snmptrapd logs "NET-SNMP version 5.9.3" once it listens, and "... NET-SNMP version 5.9.3 Stopped."
    // on SIGTERM: counting the latter as a start let a restart return before the new process listened,
    // and the first datagram after it was lost.
    private static bool IsStartLine(string line) =>
        line.Contains("NET-SNMP version", StringComparison.Ordinal) && !line.Contains("Stopped", StringComparison.Ordinal);

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string Address => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string LogPath => Path.Combine(_dir, "traps.log");

    /// <param name="configuration">snmptrapd.conf text.</param>
    /// <param name="port">The UDP port; null picks a free one.</param>
    public static async Task<SnmpTrapd> StartAsync(string configuration, int? port = null)
    {
        var binary = NetSnmpTools.SnmpTrapd;
        var mibPath = TestMibs.NetSnmpPath;
        var dir = Directory.CreateTempSubdirectory("gw-snmptrapd-").FullName;
        var persistent = Path.Combine(dir, "persist");
        Directory.CreateDirectory(persistent);
        var conf = Path.Combine(dir, "snmptrapd.conf");
        await File.WriteAllTextAsync(conf, configuration);
        var udp = port ?? FreeUdpPort.Next();
        var psi = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
        var trapd = new SnmpTrapd(psi, dir, udp);
        try
        {
            await trapd.WaitForLineAsync(IsStartLine, TimeSpan.FromSeconds(30));
        }
        catch
        {
            trapd.Dispose();
            throw;
        }

        return trapd;
    }

    /// <summary>The complete lines of the log so far (a line snmptrapd is still writing is left for the next read).</summary>
    public string[] Lines()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    public string[] TrapLines() => [.. Lines().Where(l => l.StartsWith("TRAP|", StringComparison.Ordinal))];

    /// <summary>The varbinds of the first notification line containing <paramref name="marker"/> (polled, no fixed sleep).</summary>
    public async Task<string[]> VarBindsOfAsync(string marker)
    {
        var line = await WaitForLineAsync(l => l.StartsWith("TRAP|", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal));
        return line.Split('|', 3)[2].Split('\t');
    }

    /// <summary>Polls the log until a line matches (no fixed sleep; a 30 s hang guard unless told); throws with the log on timeout.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
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
