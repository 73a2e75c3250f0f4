using System.Globalization;
using System.Text;

namespace Gateway.Snmp;

/// <summary>An immutable OBJECT IDENTIFIER value (RFC 2578: at most 128 sub-identifiers, each 0..2^32-1).</summary>
public sealed class ObjectIdentifier : IEquatable<ObjectIdentifier>, IComparable<ObjectIdentifier>
{
    public const int MaxLength = 128;

    private readonly uint[] _ids;
    private int _hash;

    public ObjectIdentifier(params uint[] ids)
        : this(ids, copy: true)
    {
    }

    private ObjectIdentifier(uint[] ids, bool copy)
    {
        if (ids.Length > MaxLength)
        {
            throw new ArgumentException($"an OID has at most {MaxLength} sub-identifiers", nameof(ids));
        }

        _ids = copy ? (uint[])ids.Clone() : ids;
    }

    public ReadOnlySpan<uint> Ids => _ids;

    public int Length => _ids.Length;

    public uint this[int index] => _ids[index];

    /// <summary>Wraps an array the caller promises not to modify (decoder fast path).</summary>
    internal static ObjectIdentifier FromOwnedArray(uint[] ids) => new(ids, copy: false);

    public static ObjectIdentifier Parse(string text)
    {
        if (!TryParse(text, out var oid))
        {
            throw new FormatException($"\"{text}\" is not a dotted numeric OID");
        }

        return oid;
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ObjectIdentifier? oid)
    {
        oid = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().TrimStart('.').Split('.');
        if (parts.Length > MaxLength)
        {
            return false;
        }

        var ids = new uint[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!uint.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out ids[i]))
            {
                return false;
            }
        }

        oid = new ObjectIdentifier(ids, copy: false);
        return true;
    }

    public ObjectIdentifier Append(params uint[] more)
    {
        var ids = new uint[_ids.Length + more.Length];
        _ids.CopyTo(ids, 0);
        more.CopyTo(ids, _ids.Length);
        return new ObjectIdentifier(ids, copy: false);
    }

    public ObjectIdentifier Append(ReadOnlySpan<uint> more)
    {
        var ids = new uint[_ids.Length + more.Length];
        _ids.CopyTo(ids, 0);
        more.CopyTo(ids.AsSpan(_ids.Length));
        return new ObjectIdentifier(ids, copy: false);
    }

    /// <summary>The OID without its last <paramref name="count"/> sub-identifiers.</summary>
    public ObjectIdentifier Parent(int count = 1) => new(_ids[..(_ids.Length - count)], copy: false);

    public bool StartsWith(ObjectIdentifier prefix) => _ids.AsSpan().StartsWith(prefix._ids);

    public int CompareTo(ObjectIdentifier? other)
    {
        if (other is null)
        {
            return 1;
        }

        return _ids.AsSpan().SequenceCompareTo(other._ids);
    }

    public bool Equals(ObjectIdentifier? other) => other is not null && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => obj is ObjectIdentifier o && Equals(o);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            foreach (uint id in _ids)
            {
                h.Add(id);
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(_ids.Length * 4);
        for (int i = 0; i < _ids.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            sb.Append(_ids[i].ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public static bool operator ==(ObjectIdentifier? a, ObjectIdentifier? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(ObjectIdentifier? a, ObjectIdentifier? b) => !(a == b);

    public static bool operator <(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) < 0;

    public static bool operator >(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) > 0;

    public static bool operator <=(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) >= 0;
}
