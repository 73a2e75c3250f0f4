using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>An external fun <c>fun Module:Function/Arity</c> (EXPORT_EXT).</summary>
public sealed class ErlangExport(ErlangAtom module, ErlangAtom function, byte arity) : ErlangTerm
{
    public ErlangAtom Module { get; } = module ?? throw new ArgumentNullException(nameof(module));

    public ErlangAtom Function { get; } = function ?? throw new ArgumentNullException(nameof(function));

    public byte Arity { get; } = arity;

    public override bool Equals(ErlangTerm? other) =>
        other is ErlangExport e && e.Arity == Arity && e.Module.Equals(Module) && e.Function.Equals(Function);

    public override int GetHashCode() => HashCode.Combine(Module, Function, Arity);

    public override void AppendTo(StringBuilder builder)
    {
        builder.Append("fun ");
        Module.AppendTo(builder);
        builder.Append(':');
        Function.AppendTo(builder);
        builder.Append('/').Append(Arity);
    }
}
