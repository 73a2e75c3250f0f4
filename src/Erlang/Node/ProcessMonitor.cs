using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>
/// A monitor on a remote process. <see cref="Down"/> completes with the exit reason when the process
/// ends (<c>noproc</c> if it did not exist, <c>noconnection</c> if its node went down).
/// </summary>
public sealed class ProcessMonitor
{
    internal ProcessMonitor(ErlangRef reference, ErlangPid target, Task<ErlangTerm> down)
    {
        Reference = reference;
        Target = target;
        Down = down;
    }

    public ErlangRef Reference { get; }

    public ErlangPid Target { get; }

    /// <summary>The exit reason, once the process is down.</summary>
    public Task<ErlangTerm> Down { get; }
}
