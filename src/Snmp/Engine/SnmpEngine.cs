namespace Gateway.Snmp.Engine;

/// <summary>
/// Our SNMP engine: snmpEngineID, snmpEngineBoots and the clock that gives snmpEngineTime and
/// sysUpTime. Authoritative for traps we send and for requests our agent answers.
/// </summary>
public sealed class SnmpEngine
{
    private readonly TimeProvider _time;
    private readonly long _start;

    public SnmpEngine(byte[] engineId, int boots, TimeProvider? timeProvider = null)
    {
        if (engineId.Length is < 5 or > 32)
        {
            throw new ArgumentException("an snmpEngineID is 5..32 bytes", nameof(engineId));
        }

        EngineId = engineId;
        Boots = Math.Clamp(boots, 1, int.MaxValue);
        _time = timeProvider ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    public byte[] EngineId { get; }

    public int Boots { get; }

    public TimeProvider TimeProvider => _time;

    /// <summary>snmpEngineTime: seconds since this engine started.</summary>
    public int EngineTime => (int)Math.Min(int.MaxValue, _time.GetElapsedTime(_start).TotalSeconds);

    /// <summary>sysUpTime in hundredths of a second (wraps like TimeTicks).</summary>
    public uint SysUpTime => unchecked((uint)(long)(_time.GetElapsedTime(_start).TotalMilliseconds / 10));

    /// <summary>Loads (or creates) the persisted engine ID under <paramref name="dataDir"/> and counts this start as a boot.</summary>
    public static SnmpEngine LoadOrCreate(string dataDir, uint enterprise = SnmpEngineId.PlaceholderEnterprise, TimeProvider? timeProvider = null)
    {
        var state = EngineIdStore.LoadAndIncrementBoots(dataDir, () => SnmpEngineId.FromRandom(enterprise));
        return new SnmpEngine(state.EngineId, state.Boots, timeProvider);
    }
}
