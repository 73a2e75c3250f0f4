using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A closure (NEW_FUN_EXT). Only useful to send back to a node running the same code: the gateway never
/// calls it. Every field of the encoding is kept, so it re-encodes to an equal term.
/// Printed like Erlang: <c>#Fun&lt;Module.OldIndex.OldUniq&gt;</c>.
/// </summary>
public sealed class ErlangFun : ErlangTerm
{
    public const int UniqLength = 16;

    private readonly byte[] uniq;
    private readonly ErlangTerm[] freeVars;

    public ErlangFun(ErlangAtom module, byte arity, byte[] uniq, uint index, long oldIndex, long oldUniq, ErlangPid pid, ErlangTerm[] freeVars)
    {
        ArgumentNullException.ThrowIfNull(uniq);
        ArgumentNullException.ThrowIfNull(freeVars);
        if (uniq.Length != UniqLength)
        {
            throw new ArgumentException($"Uniq is the {UniqLength}-byte MD5 of the module.", nameof(uniq));
        }

        Module = module ?? throw new ArgumentNullException(nameof(module));
        Arity = arity;
        this.uniq = uniq;
        Index = index;
        OldIndex = oldIndex;
        OldUniq = oldUniq;
        Pid = pid ?? throw new ArgumentNullException(nameof(pid));
        this.freeVars = freeVars;
    }

    public ErlangAtom Module { get; }

    public byte Arity { get; }

    /// <summary>The 16 bytes of the module's MD5 (beam_lib's md5) as sent.</summary>
    public ReadOnlySpan<byte> Uniq => uniq;

    public uint Index { get; }

    public long OldIndex { get; }

    public long OldUniq { get; }

    /// <summary>The process that created the fun.</summary>
    public ErlangPid Pid { get; }

    /// <summary>The captured environment.</summary>
    public ReadOnlySpan<ErlangTerm> FreeVars => freeVars;

    public override bool Equals(ErlangTerm? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not ErlangFun f || f.Arity != Arity || f.Index != Index || f.OldIndex != OldIndex ||
            f.OldUniq != OldUniq || !f.Module.Equals(Module) || !f.uniq.AsSpan().SequenceEqual(uniq) ||
            !f.Pid.Equals(Pid) || f.freeVars.Length != freeVars.Length)
        {
            return false;
        }

        RuntimeHelpersGuard.EnsureStack();
        for (var i = 0; i < freeVars.Length; i++)
        {
            if (!freeVars[i].Equals(f.freeVars[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode() => HashCode.Combine(Module, Arity, Index, OldIndex, OldUniq, Pid, freeVars.Length);

    public override void AppendTo(StringBuilder builder) =>
        builder.Append("#Fun<").Append(Module.Name).Append('.').Append(OldIndex).Append('.').Append(OldUniq).Append('>');
}
