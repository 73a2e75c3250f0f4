using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>A monitor a remote process holds on one of our mailboxes (by pid or registered name).</summary>
internal sealed record IncomingMonitor(ErlangPid Watcher, ErlangTerm TargetAsGiven, ErlangPid Target, DistributionConnection Connection);
