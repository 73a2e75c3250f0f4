using System.Globalization;

namespace Gateway.Snmp.Engine;

/// <summary>
/// Persists snmpEngineID and snmpEngineBoots in <c>snmp-engine.conf</c> under the data dir. USM
/// replay protection depends on boots never going back for an engine ID (RFC 3414 §2.2.2), so
/// every start increments and writes it (atomically: temp file + rename) before the engine is used.
/// </summary>
public static class EngineIdStore
{
    public const string FileName = "snmp-engine.conf";

    public sealed record State(byte[] EngineId, int Boots);

    /// <param name="dataDir">Folder for the file; created when missing.</param>
    /// <param name="createEngineId">Makes the engine ID on the first start.</param>
    /// <param name="explicitEngineId">When set, the configured engine ID wins; boots restart at 1 if it differs from the stored one.</param>
    public static State LoadAndIncrementBoots(string dataDir, Func<byte[]> createEngineId, byte[]? explicitEngineId = null)
    {
        Directory.CreateDirectory(dataDir);
        string path = Path.Combine(dataDir, FileName);
        byte[]? engineId = null;
        int boots = 0;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                {
                    continue;
                }

                if (parts[0] == "engineId")
                {
                    engineId = SnmpEngineId.Parse(parts[1]);
                }
                else if (parts[0] == "boots")
                {
                    _ = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out boots);
                }
            }
        }

        if (explicitEngineId is not null && (engineId is null || !engineId.AsSpan().SequenceEqual(explicitEngineId)))
        {
            engineId = explicitEngineId;
            boots = 0;
        }

        if (engineId is null)
        {
            engineId = createEngineId();
            boots = 0;
        }

        // RFC 3414 §2.2.2: boots stops at 2147483647 (the engine then needs new keys).
        boots = boots >= int.MaxValue ? int.MaxValue : boots + 1;
        string temp = path + ".tmp";
        File.WriteAllText(temp, $"# snmpEngineID and snmpEngineBoots of the gateway; do not edit while it runs\nengineId={SnmpEngineId.ToHex(engineId)}\nboots={boots.ToString(CultureInfo.InvariantCulture)}\n");
        File.Move(temp, path, overwrite: true);
        return new State(engineId, boots);
    }
}
