using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// gwAlarmIndex and gwNodeIndex derived from the identity, with no state to keep: the same alarm
/// (or node) gets the same index in every notification, in the agent's table, after a restart and
/// on every gateway instance. An alarm's index is the first 32 bits of its id (the id is hex, from
/// <c>AlarmId</c>); other ids and node names hash with SHA-256. 0 is not a valid index and becomes 1.
/// </summary>
public static class SnmpIndexes
{
    public static uint ForAlarm(string alarmId)
    {
        if (alarmId.Length >= 8 && uint.TryParse(alarmId.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var prefix))
        {
            return NonZero(prefix);
        }
        return Hash(alarmId);
    }

    public static uint ForNode(string node) => Hash(node);

    /// <summary>The next index to try when two rows of one table got the same index (wraps, skips 0).</summary>
    public static uint Next(uint index) => index == uint.MaxValue ? 1 : index + 1;

    private static uint Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return NonZero(BinaryPrimitives.ReadUInt32BigEndian(hash));
    }

    private static uint NonZero(uint index) => index == 0 ? 1 : index;
}
