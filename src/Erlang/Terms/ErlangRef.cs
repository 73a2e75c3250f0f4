using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A reference. <see cref="Ids"/> are in wire order (least significant word first); printed like
/// Erlang does, most significant first: <c>#Ref&lt;node.Ids[2].Ids[1].Ids[0]&gt;</c>.
/// </summary>
public sealed class ErlangRef : ErlangTerm
{
    /// <summary>NEWER_REFERENCE_EXT allows up to 5 words (OTP 24+); older formats fewer.</summary>
    public const int MaxIds = 5;

    private readonly uint[] ids;

    public ErlangRef(ErlangAtom node, uint creation, uint[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length is 0 or > MaxIds)
        {
            throw new ArgumentException($"A reference has 1..{MaxIds} id words; got {ids.Length}.", nameof(ids));
        }

        Node = node ?? throw new ArgumentNullException(nameof(node));
        Creation = creation;
        this.ids = ids;
    }

    public ErlangAtom Node { get; }

    public uint Creation { get; }

    public ReadOnlySpan<uint> Ids => ids;

    public override bool Equals(ErlangTerm? other) =>
        other is ErlangRef r && r.Creation == Creation && r.ids.AsSpan().SequenceEqual(ids) && r.Node.Equals(Node);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Node);
        h.Add(Creation);
        foreach (var id in ids)
        {
            h.Add(id);
        }

        return h.ToHashCode();
    }

    public override void AppendTo(StringBuilder builder)
    {
        builder.Append("#Ref<").Append(Node.Name);
        for (var i = ids.Length - 1; i >= 0; i--)
        {
            builder.Append('.').Append(ids[i]);
        }

        builder.Append('>');
    }
}
