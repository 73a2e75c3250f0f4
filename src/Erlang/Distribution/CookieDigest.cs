using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Erlang.Distribution;

/// <summary>The handshake's challenge response: MD5 of the cookie followed by the challenge in decimal.</summary>
public static class CookieDigest
{
    public const int Length = 16;

    public static byte[] Compute(string cookie, uint challenge)
    {
        ArgumentNullException.ThrowIfNull(cookie);

        // dist_util hashes atom_to_list(Cookie) ++ integer_to_list(Challenge): one byte per
        // character, so Latin-1 is the exact encoding (cookies are atoms of Latin-1 characters).
        var text = cookie + challenge.ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.Latin1.GetBytes(text);
#pragma warning disable CA5351 // MD5 is what the Erlang distribution handshake mandates; it is not our choice.
        return MD5.HashData(bytes);
#pragma warning restore CA5351
    }
}
