namespace Gateway.Core.Routing;

/// <summary>
/// A node-name pattern of the <c>nodes</c> filter: <c>*</c> matches any run of characters (also none),
/// <c>?</c> exactly one; everything else matches itself, case-sensitively (Erlang node names are). Matched
/// without regular expressions or backtracking blow-ups: linear in practice, O(n·m) at worst.
/// </summary>
public sealed class NodeGlob
{
    private readonly string _pattern;

    public NodeGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        _pattern = pattern;
    }

    public bool IsMatch(string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == '?' || _pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < _pattern.Length && _pattern[p] == '*')
        {
            p++;
        }
        return p == _pattern.Length;
    }

    public override string ToString() => _pattern;
}
