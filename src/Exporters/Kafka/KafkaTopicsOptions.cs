namespace Gateway.Exporters.Kafka;

/// <summary><c>exporters.kafka.topics</c>: one topic per kind of record; null = that kind is not produced.</summary>
public sealed class KafkaTopicsOptions
{
    /// <summary>Every alarm event (<c>alarm_event</c>), key = alarm id.</summary>
    public string? Alarms { get; set; }

    /// <summary>Each active alarm's current state (<c>alarm_state</c>), key = alarm id, a tombstone on clear: make it compacted.</summary>
    public string? AlarmState { get; set; }

    /// <summary>Notifications (<c>notification</c>), key = node.</summary>
    public string? Notifications { get; set; }

    /// <summary>Node up/down/removed (<c>node_event</c>), key = node.</summary>
    public string? Nodes { get; set; }

    /// <summary>Metric snapshots (<c>metrics</c>), key = node.</summary>
    public string? Metrics { get; set; }

    /// <summary>Every configured topic with its key name, for validation and logs.</summary>
    public IEnumerable<(string Key, string Topic)> Configured()
    {
        if (Alarms is not null)
        {
            yield return ("alarms", Alarms);
        }
        if (AlarmState is not null)
        {
            yield return ("alarmState", AlarmState);
        }
        if (Notifications is not null)
        {
            yield return ("notifications", Notifications);
        }
        if (Nodes is not null)
        {
            yield return ("nodes", Nodes);
        }
        if (Metrics is not null)
        {
            yield return ("metrics", Metrics);
        }
    }
}
