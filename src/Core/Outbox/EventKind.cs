namespace Gateway.Core.Outbox;

/// <summary>What an outbox row holds; alarm events are protected by the quota policy, the others give way.</summary>
public enum EventKind
{
    Alarm = 0,
    Notification = 1,
    Node = 2,
}
