using System.Collections;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A map. Pairs keep the order they were decoded or built in (OTP sends maps of up to 32 keys sorted
/// by key); equality ignores order. Keys are unique.
/// </summary>
public sealed class ErlangMap : ErlangTerm, IReadOnlyList<KeyValuePair<ErlangTerm, ErlangTerm>>
{
    public static readonly ErlangMap Empty = new([], trusted: true);

    // Up to this many pairs a linear scan beats hashing.
    private const int LinearLookupLimit = 8;

    private readonly KeyValuePair<ErlangTerm, ErlangTerm>[] pairs;
    private Dictionary<ErlangTerm, ErlangTerm>? index;

    /// <summary>A map of these pairs (the array is owned by the map from now on). Duplicate keys throw.</summary>
    public ErlangMap(params KeyValuePair<ErlangTerm, ErlangTerm>[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var p in pairs)
        {
            ArgumentNullException.ThrowIfNull(p.Key, nameof(pairs));
            ArgumentNullException.ThrowIfNull(p.Value, nameof(pairs));
        }

        this.pairs = pairs;
        if (HasDuplicateKeys())
        {
            throw new ArgumentException("A map has unique keys.", nameof(pairs));
        }
    }

    // The decoder checks duplicates itself (to throw its own exception type).
    internal ErlangMap(KeyValuePair<ErlangTerm, ErlangTerm>[] pairs, bool trusted)
    {
        _ = trusted;
        this.pairs = pairs;
    }

    public int Count => pairs.Length;

    public ReadOnlySpan<KeyValuePair<ErlangTerm, ErlangTerm>> Pairs => pairs;

    KeyValuePair<ErlangTerm, ErlangTerm> IReadOnlyList<KeyValuePair<ErlangTerm, ErlangTerm>>.this[int index] => pairs[index];

    /// <summary>The value for a key; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public ErlangTerm this[ErlangTerm key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Key {key} is not in the map.");

    /// <summary>The value for an atom key.</summary>
    public ErlangTerm this[string atomKey] => this[ErlangAtom.Of(atomKey)];

    public static ErlangMap Of(params (ErlangTerm Key, ErlangTerm Value)[] pairs)
    {
        var array = new KeyValuePair<ErlangTerm, ErlangTerm>[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            array[i] = new(pairs[i].Key, pairs[i].Value);
        }

        return new ErlangMap(array);
    }

    public bool ContainsKey(ErlangTerm key) => TryGetValue(key, out _);

    public bool TryGetValue(ErlangTerm key, out ErlangTerm value)
    {
        if (pairs.Length <= LinearLookupLimit)
        {
            foreach (var p in pairs)
            {
                if (p.Key.Equals(key))
                {
                    value = p.Value;
                    return true;
                }
            }

            value = null!;
            return false;
        }

        var dict = index ??= BuildIndex();
        return dict.TryGetValue(key, out value!);
    }

    /// <summary>Looks up an atom key by name.</summary>
    public bool TryGetValue(string atomKey, out ErlangTerm value) => TryGetValue(ErlangAtom.Of(atomKey), out value);

    internal bool HasDuplicateKeys()
    {
        if (pairs.Length <= LinearLookupLimit)
        {
            for (var i = 1; i < pairs.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (pairs[i].Key.Equals(pairs[j].Key))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var set = new HashSet<ErlangTerm>(pairs.Length);
        foreach (var p in pairs)
        {
            if (!set.Add(p.Key))
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<ErlangTerm, ErlangTerm> BuildIndex()
    {
        var dict = new Dictionary<ErlangTerm, ErlangTerm>(pairs.Length);
        foreach (var p in pairs)
        {
            dict[p.Key] = p.Value;
        }

        return dict;
    }

    public IEnumerator<KeyValuePair<ErlangTerm, ErlangTerm>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<ErlangTerm, ErlangTerm>>)pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(ErlangTerm? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not ErlangMap m || m.pairs.Length != pairs.Length)
        {
            return false;
        }

        RuntimeHelpersGuard.EnsureStack();
        foreach (var p in pairs)
        {
            if (!m.TryGetValue(p.Key, out var v) || !v.Equals(p.Value))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        RuntimeHelpersGuard.EnsureStack();
        // Order-independent: the same map decoded from different encodings hashes the same.
        var sum = pairs.Length;
        foreach (var p in pairs)
        {
            sum += HashCode.Combine(p.Key.GetHashCode(), p.Value.GetHashCode());
        }

        return sum;
    }

    public override void AppendTo(StringBuilder builder)
    {
        RuntimeHelpersGuard.EnsureStack();
        builder.Append("#{");
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            pairs[i].Key.AppendTo(builder);
            builder.Append(" => ");
            pairs[i].Value.AppendTo(builder);
        }

        builder.Append('}');
    }
}
