using System.Security.Cryptography;
using System.Text;

namespace Gateway.Collector.Beam.Options;

/// <summary>Node-name rules the BEAM collector needs: <c>name@host</c> checks, glob matching, our own name.</summary>
public static class BeamNodeNames
{
    /// <summary>True for <c>alive@host</c> with a non-empty alive part of letters, digits, <c>_</c> and <c>-</c>, and a non-empty host.</summary>
    public static bool IsValid(string? node)
    {
        if (string.IsNullOrEmpty(node))
        {
            return false;
        }
        var at = node.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == node.Length - 1 || node.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }
        foreach (var c in node.AsSpan(0, at))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }
        return !node.AsSpan(at + 1).ContainsAny(" \t/");
    }

    /// <summary>The host part (after '@').</summary>
    public static string Host(string node) => node[(node.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>The alive part (before '@').</summary>
    public static string Alive(string node) => node[..node.IndexOf('@', StringComparison.Ordinal)];

    /// <summary>Long names have a dot in the host (as <c>-name</c>); short names have none (<c>-sname</c>).</summary>
    public static bool IsLongName(string node) => Host(node).Contains('.', StringComparison.Ordinal);

    /// <summary>Glob match over the whole name: <c>*</c> any run of characters, <c>?</c> one character.</summary>
    public static bool GlobMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    /// <summary>
    /// Our default name in the naming mode of <paramref name="peer"/>: <c>gateway-&lt;hash&gt;@&lt;host&gt;</c>,
    /// the hash of this machine's host name and process id, so two gateways on one host never collide.
    /// The host part is the peer's own host part: we never listen, so it only has to pass the peer's
    /// check of the naming mode, and mirroring the peer always does.
    /// </summary>
    public static string DefaultLocalName(string peer, string machineName, int processId)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(machineName + "/" + processId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var hash = Convert.ToHexStringLower(digest.AsSpan(0, 4));
        return $"gateway-{hash}@{Host(peer)}";
    }
}
