namespace Gateway.Snmp.Notifications;

/// <summary>What a notification originator knows of an inform receiver's engine (RFC 3414 §2.3): learned by discovery, kept in step by notInTimeWindow reports.</summary>
internal sealed record RemoteEngine(byte[] EngineId, int Boots, int Time, long LearnedAt);
