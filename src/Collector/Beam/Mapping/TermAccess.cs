using System.Globalization;
using System.Text;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// Lenient reads from an agent reply. Every method answers "absent" (null, false, empty) for a shape
/// it does not expect, so a node of another OTP release, or a damaged reply, costs fields, never the map.
/// </summary>
internal static class TermAccess
{
    /// <summary>The value under an atom key of a map, or of a proplist (<c>[{Key, Value} | ...]</c>).</summary>
    public static ErlangTerm? Get(ErlangTerm? container, string key)
    {
        switch (container)
        {
            case ErlangMap map:
                return map.TryGetValue(key, out var value) ? value : null;
            case ErlangList list:
                foreach (var item in list.Elements)
                {
                    if (item is ErlangTuple { Arity: >= 2 } t && t[0].IsAtom(key))
                    {
                        return t[1];
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The elements of a list (proper or not); empty for anything else.</summary>
    public static ReadOnlySpan<ErlangTerm> Items(ErlangTerm? term) =>
        term is ErlangList list ? list.Elements : [];

    /// <summary>Element <paramref name="index"/> of a tuple, or null.</summary>
    public static ErlangTerm? Element(ErlangTerm? term, int index) =>
        term is ErlangTuple t && index >= 0 && index < t.Arity ? t[index] : null;

    /// <summary>A number (integer of any size, or float) as a double; booleans are not numbers here.</summary>
    public static bool TryNumber(ErlangTerm? term, out double value)
    {
        if (term is not null && term.TryGetDouble(out value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A number, or the atoms true/false as 1/0 (prometheus.erl's boolean metrics).</summary>
    public static bool TryBoolean(ErlangTerm? term, out double value)
    {
        if (term is ErlangAtom atom && (atom.Name == "true" || atom.Name == "false"))
        {
            value = atom.Name == "true" ? 1 : 0;
            return true;
        }

        return TryNumber(term, out value);
    }

    /// <summary>Text of an atom, binary or string; numbers in invariant form.</summary>
    public static bool TryText(ErlangTerm? term, out string text)
    {
        switch (term)
        {
            case null:
                text = string.Empty;
                return false;
            case ErlangInteger i:
                text = i.Value.ToString(CultureInfo.InvariantCulture);
                return true;
            case ErlangList { IsEmpty: true }:
                text = string.Empty;
                return true;
            default:
                return term.TryGetString(out text);
        }
    }

    /// <summary>
    /// How a process is named in labels: its registered name, <c>module:function/arity</c> for an
    /// initial call <c>{M, F, A}</c>, or "undefined".
    /// </summary>
    public static string ProcessName(ErlangTerm? term)
    {
        if (term is ErlangTuple { Arity: 3 } mfa && mfa[0] is ErlangAtom m && mfa[1] is ErlangAtom f && mfa[2].TryGetLong(out var arity))
        {
            return new StringBuilder().Append(m.Name).Append(':').Append(f.Name).Append('/')
                .Append(arity.ToString(CultureInfo.InvariantCulture)).ToString();
        }

        return term is not ErlangTuple && TryText(term, out var text) && text.Length > 0 ? text : "undefined";
    }

    /// <summary>A pid as the node prints it locally (<c>&lt;0.80.0&gt;</c>), from a binary/string or an <see cref="ErlangPid"/>.</summary>
    public static string? PidText(ErlangTerm? term) => term switch
    {
        ErlangPid pid => string.Create(CultureInfo.InvariantCulture, $"<0.{pid.Id}.{pid.Serial}>"),
        _ when term is not ErlangTuple && TryText(term, out var text) && text.Length > 0 => text,
        _ => null,
    };
}
