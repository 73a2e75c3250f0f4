using System.Security.Cryptography;
using System.Text;

namespace Gateway.Core.Alarms;

/// <summary>
/// The stable id of an alarm: the first 8 bytes of SHA-256 over UTF-8 <c>node \0 type \0 resource</c>,
/// as 16 lowercase hex digits. The same identity gives the same id in every process, instance and
/// version, so exporters can use it as a dedup key (PagerDuty dedup_key, Opsgenie alias …).
/// </summary>
public static class AlarmId
{
    public static string For(string node, string type, string resource)
    {
        var length = Encoding.UTF8.GetByteCount(node) + Encoding.UTF8.GetByteCount(type) + Encoding.UTF8.GetByteCount(resource) + 2;
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var n = Encoding.UTF8.GetBytes(node, buffer);
        buffer[n++] = 0;
        n += Encoding.UTF8.GetBytes(type, buffer[n..]);
        buffer[n++] = 0;
        Encoding.UTF8.GetBytes(resource, buffer[n..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
