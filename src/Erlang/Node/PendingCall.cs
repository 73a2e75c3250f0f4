using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>
/// An RPC waiting for its reply; failed early when its connection goes down. <see cref="ResultRef"/> is
/// set for spawn-transport calls: the tag erpc:execute_call/4 puts in its exit reason.
/// </summary>
internal sealed record PendingCall(DistributionConnection Connection, TaskCompletionSource<ErlangTerm> Completion, ErlangRef? ResultRef = null);
