namespace Gateway.Snmp.Agent;

/// <summary>An immutable, sorted set of (OID, value) pairs that an agent answers from.</summary>
public sealed class MibSnapshot
{
    private readonly VarBind[] _sorted;

    private MibSnapshot(VarBind[] sorted)
    {
        _sorted = sorted;
    }

    public static MibSnapshot Empty { get; } = new([]);

    public int Count => _sorted.Length;

    public ReadOnlySpan<VarBind> Items => _sorted;

    /// <summary>Sorts the rows; a later duplicate OID replaces an earlier one.</summary>
    public static MibSnapshot Create(IEnumerable<VarBind> rows)
    {
        var list = new List<VarBind>(rows);
        var array = list.ToArray();
        // A stable sort keeps the insertion order of duplicates, so "last wins" below is deterministic.
        var indexed = array.Select((vb, i) => (vb, i)).OrderBy(x => x.vb.Oid).ThenBy(x => x.i).Select(x => x.vb).ToList();
        var result = new List<VarBind>(indexed.Count);
        foreach (var vb in indexed)
        {
            if (vb.Value.IsException)
            {
                continue;
            }

            if (result.Count > 0 && result[^1].Oid == vb.Oid)
            {
                result[^1] = vb;
            }
            else
            {
                result.Add(vb);
            }
        }

        return new MibSnapshot([.. result]);
    }

    public bool TryGet(ObjectIdentifier oid, out SnmpValue value)
    {
        int i = Search(oid);
        if (i >= 0)
        {
            value = _sorted[i].Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>True when some object lives under <paramref name="prefix"/> (noSuchInstance vs noSuchObject).</summary>
    public bool HasPrefix(ObjectIdentifier prefix)
    {
        int i = Search(prefix);
        if (i >= 0)
        {
            return true;
        }

        i = ~i;
        return i < _sorted.Length && _sorted[i].Oid.StartsWith(prefix);
    }

    /// <summary>The first row strictly after <paramref name="oid"/>.</summary>
    public bool TryGetNext(ObjectIdentifier oid, out VarBind next)
    {
        int i = Search(oid);
        i = i >= 0 ? i + 1 : ~i;
        if (i < _sorted.Length)
        {
            next = _sorted[i];
            return true;
        }

        next = default;
        return false;
    }

    private int Search(ObjectIdentifier oid)
    {
        int lo = 0;
        int hi = _sorted.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int c = _sorted[mid].Oid.CompareTo(oid);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
