namespace Gateway.Core.Metrics;

/// <summary>One label pair. Values are raw (unescaped) text.</summary>
public readonly record struct Label(string Name, string Value);
