namespace Gateway.Collector;

/// <summary>
/// Base of the source-specific part of a <see cref="ScrapeTarget"/>. Derived types are records so that
/// equality detects changed settings; they must not print secrets from <c>ToString</c>.
/// </summary>
public abstract record ScrapeTargetSettings;
