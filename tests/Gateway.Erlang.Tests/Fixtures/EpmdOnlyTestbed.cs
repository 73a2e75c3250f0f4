namespace Gateway.Erlang.Tests.Fixtures;

/// <summary>A testbed with only the private EPMD: for tests that start (and kill) nodes of their own.</summary>
public sealed class EpmdOnlyTestbed : ErlangTestbed
{
    protected override bool StartsSharedNode => false;
}
