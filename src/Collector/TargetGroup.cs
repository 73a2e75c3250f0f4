namespace Gateway.Collector;

/// <summary>
/// The complete current set of targets under one key (for example <c>prometheus/static/rabbitmq</c> or
/// <c>prometheus/file_sd/discovered</c>). A new group with the same key replaces the previous one
/// wholesale; an empty list removes all of the key's targets. Keys are unique across all providers.
/// </summary>
public sealed record TargetGroup(string Key, IReadOnlyList<ScrapeTarget> Targets);
