using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A process identifier. Printed as <c>&lt;node.Id.Serial&gt;</c> with the node name where Erlang would
/// print the node's local index (<c>&lt;n1@host.85.0&gt;</c>), since the index means nothing outside that node.
/// </summary>
public sealed class ErlangPid(ErlangAtom node, uint id, uint serial, uint creation) : ErlangTerm
{
    public ErlangAtom Node { get; } = node ?? throw new ArgumentNullException(nameof(node));

    public uint Id { get; } = id;

    public uint Serial { get; } = serial;

    public uint Creation { get; } = creation;

    public override bool Equals(ErlangTerm? other) =>
        other is ErlangPid p && p.Id == Id && p.Serial == Serial && p.Creation == Creation && p.Node.Equals(Node);

    public override int GetHashCode() => HashCode.Combine(Node, Id, Serial, Creation);

    public override void AppendTo(StringBuilder builder) =>
        builder.Append('<').Append(Node.Name).Append('.').Append(Id).Append('.').Append(Serial).Append('>');
}
