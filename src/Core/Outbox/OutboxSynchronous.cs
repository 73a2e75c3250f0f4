namespace Gateway.Core.Outbox;

/// <summary>SQLite <c>synchronous</c> setting of an outbox (WAL mode). See the README for what each survives.</summary>
public enum OutboxSynchronous
{
    /// <summary>WAL written on every commit, fsync only at checkpoints: survives a process crash (kill -9), not power loss.</summary>
    Normal,

    /// <summary>fsync of the WAL on every commit: also survives power loss / OS crash; slower.</summary>
    Full,
}
