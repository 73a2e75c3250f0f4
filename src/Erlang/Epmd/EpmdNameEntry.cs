namespace Gateway.Erlang.Epmd;

/// <summary>One line of a NAMES_RESP: a node registered with EPMD and its distribution port.</summary>
public sealed record EpmdNameEntry(string Name, int Port);
