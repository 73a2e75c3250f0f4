namespace Gateway.Erlang.Epmd;

/// <summary>The node type a node registered with EPMD (ALIVE2_REQ), as reported by PORT2_RESP.</summary>
public enum EpmdNodeType : byte
{
    /// <summary>A hidden node as C nodes register (<c>erl -hidden</c> still registers as <see cref="Normal"/>).</summary>
    Hidden = 72,

    /// <summary>A normal Erlang node.</summary>
    Normal = 77,
}
