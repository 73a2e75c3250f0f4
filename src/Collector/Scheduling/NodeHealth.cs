namespace Gateway.Collector.Scheduling;

/// <summary>What the scheduler last saw of a node; state changes (not every failure) are logged.</summary>
internal enum NodeHealth
{
    Pending,
    Up,
    Down,
}
