namespace Gateway.Collector.Discovery;

/// <summary>One object of a file_sd file: <c>{"targets": [...], "labels": {...}}</c>.</summary>
public sealed record FileSdGroup(IReadOnlyList<string> Targets, IReadOnlyDictionary<string, string> Labels);
