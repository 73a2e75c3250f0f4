using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>
/// A monitor one of our processes holds on a remote process. The DOWN goes to <see cref="Completion"/>
/// when set (LocalNode.MonitorAsync), else to the owner's mailbox.
/// </summary>
internal sealed record OutgoingMonitor(ErlangPid Owner, ErlangPid Target, DistributionConnection Connection, TaskCompletionSource<ErlangTerm>? Completion);
