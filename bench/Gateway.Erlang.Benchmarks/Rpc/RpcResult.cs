namespace Gateway.Erlang.Benchmarks.Rpc;

/// <summary>One measured configuration: throughput and CPU spent per call by the caller and the target node.</summary>
public sealed record RpcResult(string Caller, string Path, int Concurrency, double CallsPerSecond, double CallerCpuMicros, double TargetCpuMicros);
