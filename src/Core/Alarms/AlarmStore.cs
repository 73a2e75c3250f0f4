using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Microsoft.Data.Sqlite;

namespace Gateway.Core.Alarms;

/// <summary>
/// <c>alarms.db</c>: the active alarms, the event history, and how far the history was handed to
/// the router. A state change and its event are written in one transaction; events with a sequence
/// above the routed mark are routed again after a crash (same event ids: at-least-once).
/// Not thread-safe: the manager serialises access.
/// </summary>
internal sealed class AlarmStore : IDisposable
{
    private readonly SqliteConnection _db;

    public AlarmStore(string path, bool fullSync)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        _db = SqliteDatabase.Open(path, fullSync);
        SqliteDatabase.Execute(_db, """
            CREATE TABLE IF NOT EXISTS active(
              id TEXT PRIMARY KEY,
              source TEXT NOT NULL,
              alarm BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS history(
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              time INTEGER NOT NULL,
              alarm_id TEXT NOT NULL,
              event BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS history_time ON history(time);
            CREATE TABLE IF NOT EXISTS meta(
              key TEXT PRIMARY KEY,
              value INTEGER NOT NULL);
            """);
    }

    public StoredState Load()
    {
        var active = new List<(string, Alarm)>();
        using (var select = _db.CreateCommand())
        {
            select.CommandText = "SELECT source, alarm FROM active";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                active.Add((reader.GetString(0), EventCodec.DecodeAlarm((byte[])reader.GetValue(1))));
            }
        }
        var routed = RoutedSequence();
        var unrouted = new List<(long, AlarmEvent)>();
        using (var select = _db.CreateCommand())
        {
            select.CommandText = "SELECT seq, event FROM history WHERE seq > $routed ORDER BY seq";
            select.Parameters.AddWithValue("$routed", routed);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                unrouted.Add((reader.GetInt64(0), EventCodec.DecodeAlarmEvent((byte[])reader.GetValue(1))));
            }
        }
        return new StoredState(active, unrouted, routed);
    }

    /// <summary>Writes state changes and their events in one transaction; returns the events' sequences.</summary>
    public long[] Apply(IReadOnlyList<(string Id, ActiveAlarm? State)> writes, IReadOnlyList<AlarmEvent> events)
    {
        using var tx = _db.BeginTransaction();
        foreach (var (id, state) in writes)
        {
            using var command = _db.CreateCommand();
            command.Transaction = tx;
            if (state is null)
            {
                command.CommandText = "DELETE FROM active WHERE id = $id";
            }
            else
            {
                command.CommandText = "INSERT OR REPLACE INTO active(id, source, alarm) VALUES ($id, $source, $alarm)";
                command.Parameters.AddWithValue("$source", state.Source);
                command.Parameters.AddWithValue("$alarm", EventCodec.EncodeAlarm(state.Alarm));
            }
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }
        var sequences = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            using var command = _db.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT INTO history(time, alarm_id, event) VALUES ($time, $id, $event); SELECT last_insert_rowid();";
            command.Parameters.AddWithValue("$time", events[i].Time.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$id", events[i].Alarm.Id);
            command.Parameters.AddWithValue("$event", EventCodec.EncodeAlarmEvent(events[i]));
            sequences[i] = (long)command.ExecuteScalar()!;
        }
        tx.Commit();
        return sequences;
    }

    public void SetRoutedSequence(long sequence)
    {
        using var command = _db.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ('routed', $v)";
        command.Parameters.AddWithValue("$v", sequence);
        command.ExecuteNonQuery();
    }

    /// <summary>Events at or after <paramref name="since"/> (oldest first), or the latest ones when null.</summary>
    public IReadOnlyList<AlarmEvent> History(DateTimeOffset? since, int limit)
    {
        using var select = _db.CreateCommand();
        select.CommandText = since is null
            ? "SELECT event FROM (SELECT seq, event FROM history ORDER BY seq DESC LIMIT $n) ORDER BY seq"
            : "SELECT event FROM history WHERE time >= $since ORDER BY seq LIMIT $n";
        select.Parameters.AddWithValue("$n", limit);
        if (since is { } s)
        {
            select.Parameters.AddWithValue("$since", s.ToUnixTimeMilliseconds());
        }
        using var reader = select.ExecuteReader();
        var list = new List<AlarmEvent>();
        while (reader.Read())
        {
            list.Add(EventCodec.DecodeAlarmEvent((byte[])reader.GetValue(0)));
        }
        return list;
    }

    /// <summary>Deletes routed events older than <paramref name="before"/> or beyond the newest <paramref name="keep"/>.</summary>
    public int Prune(DateTimeOffset before, int keep, long routedSequence)
    {
        using var command = _db.CreateCommand();
        command.CommandText = """
            DELETE FROM history WHERE seq <= $routed AND (time < $before OR seq <= (SELECT max(seq) FROM history) - $keep)
            """;
        command.Parameters.AddWithValue("$routed", routedSequence);
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$keep", keep);
        return command.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();

    private long RoutedSequence()
    {
        using var select = _db.CreateCommand();
        select.CommandText = "SELECT value FROM meta WHERE key = 'routed'";
        return select.ExecuteScalar() is long v ? v : 0;
    }
}

internal sealed record StoredState(
    IReadOnlyList<(string Source, Alarm Alarm)> Active,
    IReadOnlyList<(long Sequence, AlarmEvent Event)> Unrouted,
    long RoutedSequence);
