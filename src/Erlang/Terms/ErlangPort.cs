using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>A port identifier, printed <c>#Port&lt;node.Id&gt;</c>.</summary>
public sealed class ErlangPort(ErlangAtom node, ulong id, uint creation) : ErlangTerm
{
    public ErlangAtom Node { get; } = node ?? throw new ArgumentNullException(nameof(node));

    public ulong Id { get; } = id;

    public uint Creation { get; } = creation;

    public override bool Equals(ErlangTerm? other) =>
        other is ErlangPort p && p.Id == Id && p.Creation == Creation && p.Node.Equals(Node);

    public override int GetHashCode() => HashCode.Combine(Node, Id, Creation);

    public override void AppendTo(StringBuilder builder) =>
        builder.Append("#Port<").Append(Node.Name).Append('.').Append(Id).Append('>');
}
