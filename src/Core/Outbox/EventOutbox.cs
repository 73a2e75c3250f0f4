using System.Collections.Concurrent;
using System.Text;
using Gateway.Core.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Outbox;

/// <summary>
/// One push exporter's durable queue: a SQLite database in WAL mode (<c>&lt;dataDir&gt;/outbox/&lt;exporter&gt;.db</c>).
/// An append returns only after its transaction committed (concurrent appends share one commit:
/// group commit). Rows leave the table only when the exporter said delivered, or into the
/// dead-letter table when it rejected them, so a crash at any point redelivers (at-least-once) with
/// the same event id. One instance per file: the delivery loop is the only reader.
/// </summary>
public sealed partial class EventOutbox : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _selectDroppable;
    private TaskCompletionSource _available = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;
    private long _bytes;
    private long _alarms;
    private long _inFlightUpTo;
    private DateTimeOffset _lastQuotaLog = DateTimeOffset.MinValue;
    private bool _disposed;

    public EventOutbox(string name, string path, OutboxOptions options, TimeProvider time, ILogger logger)
    {
        Name = name;
        Path = path;
        _options = options;
        _time = time;
        _logger = logger;
        Statistics = new OutboxStatistics(name);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        _db = SqliteDatabase.Open(path, options.Synchronous == OutboxSynchronous.Full);
        SqliteDatabase.Execute(_db, """
            CREATE TABLE IF NOT EXISTS events(
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL,
              kind INTEGER NOT NULL,
              size INTEGER NOT NULL,
              payload BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS events_droppable ON events(seq) WHERE kind <> 0;
            CREATE TABLE IF NOT EXISTS dead_letters(
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL,
              kind INTEGER NOT NULL,
              payload BLOB NOT NULL,
              reason TEXT NOT NULL,
              time INTEGER NOT NULL);
            """);
        using (var load = _db.CreateCommand())
        {
            load.CommandText = "SELECT kind, count(*), coalesce(sum(size), 0) FROM events GROUP BY kind";
            using var reader = load.ExecuteReader();
            while (reader.Read())
            {
                var n = reader.GetInt64(1);
                _count += n;
                _bytes += reader.GetInt64(2);
                if (reader.GetInt64(0) == (long)EventKind.Alarm)
                {
                    _alarms += n;
                }
            }
        }
        _insert = Prepare("INSERT INTO events(id, kind, size, payload) VALUES ($id, $kind, $size, $payload)", "$id", "$kind", "$size", "$payload");
        _delete = Prepare("DELETE FROM events WHERE seq = $seq", "$seq");
        _selectDroppable = Prepare("SELECT seq, size FROM events WHERE kind <> 0 AND seq > $after ORDER BY seq LIMIT 64", "$after");
        PublishDepth();
    }

    /// <summary>The file of an exporter's outbox under the data folder.</summary>
    public static string PathFor(string dataDir, string exporter)
    {
        var safe = new StringBuilder(exporter.Length);
        foreach (var c in exporter)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }
        return System.IO.Path.Combine(dataDir, "outbox", safe + ".db");
    }

    public string Name { get; }

    public string Path { get; }

    public OutboxStatistics Statistics { get; }

    /// <summary>The options it was opened with (quota, batches, delivery).</summary>
    public OutboxOptions Options => _options;

    /// <summary>Events stored (including any batch in flight).</summary>
    public long Count => Interlocked.Read(ref _count);

    public Task AppendAsync(GatewayEvent e, CancellationToken cancellationToken = default) =>
        AppendAsync([e], cancellationToken);

    /// <summary>
    /// Stores the events; the task completes once they are committed to disk (per the fsync policy),
    /// or fails with the storage error. The quota may drop notifications (counted), never alarms.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }
        var encoded = new EncodedEvent[events.Count];
        for (var i = 0; i < encoded.Length; i++)
        {
            var e = events[i];
            encoded[i] = new EncodedEvent(e.Id, EventCodec.KindOf(e), EventCodec.Encode(e));
        }
        var pending = new PendingAppend(encoded);
        _queue.Enqueue(pending);
        // Group commit: whoever holds the gate commits everything queued so far, ours included or not.
        // Once queued, our events will be committed by someone, so cancellation only stops the wait.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!pending.Done.Task.IsCompleted)
            {
                CommitQueued();
            }
        }
        finally
        {
            _gate.Release();
        }
        await pending.Done.Task;
    }

    /// <summary>Completes when the outbox holds at least one event.</summary>
    public Task WaitForEventsAsync(CancellationToken cancellationToken)
    {
        var available = Volatile.Read(ref _available);
        return Interlocked.Read(ref _count) > 0 ? Task.CompletedTask : available.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The oldest events, up to the batch limits (the first one always, however large). Rows that
    /// cannot be read back are dead-lettered on the way. They stay stored until acknowledged.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> PeekAsync(int maxEvents, long maxBytes, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entries = new List<OutboxEntry>();
            var corrupt = new List<(long Seq, EventKind Kind, int Size, string Reason)>();
            long bytes = 0;
            using (var select = _db.CreateCommand())
            {
                select.CommandText = "SELECT seq, kind, size, payload FROM events ORDER BY seq LIMIT $n";
                select.Parameters.AddWithValue("$n", maxEvents);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var size = reader.GetInt32(2);
                    if (entries.Count > 0 && bytes + size > maxBytes)
                    {
                        break;
                    }
                    var seq = reader.GetInt64(0);
                    _inFlightUpTo = Math.Max(_inFlightUpTo, seq);
                    var payload = (byte[])reader.GetValue(3);
                    try
                    {
                        entries.Add(new OutboxEntry(seq, (EventKind)reader.GetInt64(1), size, EventCodec.Decode(payload)));
                        bytes += size;
                    }
                    catch (InvalidDataException ex)
                    {
                        corrupt.Add((seq, (EventKind)reader.GetInt64(1), size, ex.Message));
                    }
                }
            }
            foreach (var (seq, kind, size, reason) in corrupt)
            {
                if (MoveToDeadLetters([seq], reason))
                {
                    Forget(kind, size);
                }
                LogCorruptRow(Name, seq, reason);
            }
            if (corrupt.Count > 0)
            {
                PublishDepth();
            }
            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes delivered events.</summary>
    public async Task AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var tx = _db.BeginTransaction();
            if (!DeleteRange(entries, tx))
            {
                _delete.Transaction = tx;
                foreach (var entry in entries)
                {
                    _delete.Parameters[0].Value = entry.Sequence;
                    _delete.ExecuteNonQuery();
                }
            }
            tx.Commit();
            foreach (var entry in entries)
            {
                Forget(entry.Kind, entry.Size);
            }
            Statistics.AddDelivered(entries.Count);
            PublishDepth();
        }
        finally
        {
            _delete.Transaction = null;
            _gate.Release();
        }
    }

    /// <summary>Moves rejected events to the dead-letter table; they are never retried.</summary>
    public async Task DeadLetterAsync(IReadOnlyList<OutboxEntry> entries, string reason, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var entry in entries)
            {
                if (MoveToDeadLetters([entry.Sequence], reason))
                {
                    Forget(entry.Kind, entry.Size);
                }
            }
            PublishDepth();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The most recent dead letters, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var select = _db.CreateCommand();
            select.CommandText = "SELECT seq, id, kind, reason, time, payload FROM dead_letters ORDER BY seq DESC LIMIT $n";
            select.Parameters.AddWithValue("$n", limit);
            using var reader = select.ExecuteReader();
            var list = new List<DeadLetter>();
            while (reader.Read())
            {
                list.Add(new DeadLetter(
                    reader.GetInt64(0),
                    Guid.TryParse(reader.GetString(1), out var id) ? id : Guid.Empty,
                    (EventKind)reader.GetInt64(2),
                    reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                    Encoding.UTF8.GetString((byte[])reader.GetValue(5))));
            }
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many dead letters are kept (at most <see cref="OutboxOptions.MaxDeadLetters"/>).</summary>
    public async Task<long> CountDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var count = _db.CreateCommand();
            count.CommandText = "SELECT count(*) FROM dead_letters";
            return (long)count.ExecuteScalar()!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Moves the oldest <paramref name="limit"/> dead letters back to the end of the queue, in the order they
    /// were dead-lettered, with their event ids (receivers de-duplicate by them), in one transaction: after
    /// fixing what made the peer refuse them, the user resends instead of losing them. The quota does not
    /// apply (an explicit request). Returns how many were moved.
    /// </summary>
    public async Task<int> ReplayDeadLettersAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var moved = new List<(EventKind Kind, long Size)>();
            using var tx = _db.BeginTransaction();
            using (var select = _db.CreateCommand())
            {
                select.Transaction = tx;
                select.CommandText = "SELECT kind, length(payload) FROM dead_letters ORDER BY seq LIMIT $n";
                select.Parameters.AddWithValue("$n", limit);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    moved.Add(((EventKind)reader.GetInt64(0), reader.GetInt64(1)));
                }
            }
            if (moved.Count == 0)
            {
                return 0;
            }
            using (var copy = _db.CreateCommand())
            {
                copy.Transaction = tx;
                copy.CommandText = """
                    CREATE TEMP TABLE IF NOT EXISTS replay(seq INTEGER PRIMARY KEY);
                    DELETE FROM replay;
                    INSERT INTO replay SELECT seq FROM dead_letters ORDER BY seq LIMIT $n;
                    INSERT INTO events(id, kind, size, payload)
                      SELECT id, kind, length(payload), payload FROM dead_letters WHERE seq IN (SELECT seq FROM replay) ORDER BY seq;
                    DELETE FROM dead_letters WHERE seq IN (SELECT seq FROM replay);
                    DELETE FROM replay;
                    """;
                copy.Parameters.AddWithValue("$n", limit);
                copy.ExecuteNonQuery();
            }
            tx.Commit();
            foreach (var (kind, size) in moved)
            {
                _count++;
                _bytes += size;
                if (kind == EventKind.Alarm)
                {
                    _alarms++;
                }
            }
            PublishDepth();
            Interlocked.Exchange(ref _available, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return moved.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _gate.Wait();
        try
        {
            _disposed = true;
            // Appends queued but not committed were never durable: fail them so no caller waits forever.
            while (_queue.TryDequeue(out var pending))
            {
                pending.Done.TrySetException(new ObjectDisposedException(nameof(EventOutbox)));
            }
            _insert.Dispose();
            _delete.Dispose();
            _selectDroppable.Dispose();
            _db.Dispose();
        }
        finally
        {
            _gate.Release();
        }
        _gate.Dispose();
    }

    private void CommitQueued()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var batch = new List<PendingAppend>();
        while (_queue.TryDequeue(out var p))
        {
            batch.Add(p);
        }
        if (batch.Count == 0)
        {
            return;
        }
        var (count, bytes, alarms) = (_count, _bytes, _alarms);
        long appended = 0, dropped = 0, overQuota = 0;
        try
        {
            using var tx = _db.BeginTransaction();
            _insert.Transaction = tx;
            _selectDroppable.Transaction = tx;
            _delete.Transaction = tx;
            foreach (var pending in batch)
            {
                foreach (var e in pending.Events)
                {
                    switch (InsertWithinQuota(e, ref dropped))
                    {
                        case QuotaOutcome.Stored:
                            appended++;
                            break;
                        case QuotaOutcome.StoredOverQuota:
                            appended++;
                            overQuota++;
                            break;
                        default:
                            dropped++;
                            break;
                    }
                }
            }
            tx.Commit();
        }
        catch (Exception ex)
        {
            (_count, _bytes, _alarms) = (count, bytes, alarms);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
            return;
        }
        finally
        {
            _insert.Transaction = null;
            _selectDroppable.Transaction = null;
            _delete.Transaction = null;
        }
        Statistics.AddAppended(appended);
        if (dropped > 0 || overQuota > 0)
        {
            Statistics.AddDropped(dropped);
            for (var i = 0; i < overQuota; i++)
            {
                Statistics.AddOverQuota();
            }
            var now = _time.GetUtcNow();
            if (now - _lastQuotaLog >= TimeSpan.FromMinutes(1))
            {
                _lastQuotaLog = now;
                LogQuota(Name, Statistics.Dropped, Statistics.OverQuota, _count, _bytes);
            }
        }
        PublishDepth();
        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
        Interlocked.Exchange(ref _available, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private QuotaOutcome InsertWithinQuota(EncodedEvent e, ref long dropped)
    {
        var size = e.Payload.Length;
        var needEvents = _count + 1 - _options.MaxEvents;
        var needBytes = _bytes + size - _options.MaxBytes;
        var over = false;
        if (needEvents > 0 || needBytes > 0)
        {
            dropped += DropOldestDroppable(needEvents, needBytes);
            over = _count + 1 > _options.MaxEvents || _bytes + size > _options.MaxBytes;
            if (over && e.Kind != EventKind.Alarm)
            {
                return QuotaOutcome.Refused;
            }
        }
        _insert.Parameters[0].Value = e.Id.ToString();
        _insert.Parameters[1].Value = (long)e.Kind;
        _insert.Parameters[2].Value = size;
        _insert.Parameters[3].Value = e.Payload;
        _insert.ExecuteNonQuery();
        _count++;
        _bytes += size;
        if (e.Kind == EventKind.Alarm)
        {
            _alarms++;
        }
        return over ? QuotaOutcome.StoredOverQuota : QuotaOutcome.Stored;
    }

    /// <summary>Deletes the oldest notifications/node events not in flight until the need is met.</summary>
    private long DropOldestDroppable(long needEvents, long needBytes)
    {
        long dropped = 0;
        while (needEvents > 0 || needBytes > 0)
        {
            var victims = new List<(long Seq, long Size)>();
            _selectDroppable.Parameters[0].Value = _inFlightUpTo;
            using (var reader = _selectDroppable.ExecuteReader())
            {
                while (reader.Read())
                {
                    victims.Add((reader.GetInt64(0), reader.GetInt64(1)));
                }
            }
            if (victims.Count == 0)
            {
                break;
            }
            foreach (var (seq, size) in victims)
            {
                if (needEvents <= 0 && needBytes <= 0)
                {
                    break;
                }
                _delete.Parameters[0].Value = seq;
                _delete.ExecuteNonQuery();
                _count--;
                _bytes -= size;
                needEvents--;
                needBytes -= size;
                dropped++;
            }
        }
        return dropped;
    }

    /// <summary>
    /// A batch whose sequences have no gap is deleted with one range statement (the range then holds
    /// exactly the batch); with gaps (quota drops, dead-lettered rows in between) the caller deletes
    /// row by row.
    /// </summary>
    private bool DeleteRange(IReadOnlyList<OutboxEntry> entries, SqliteTransaction tx)
    {
        long first = long.MaxValue, last = long.MinValue;
        foreach (var entry in entries)
        {
            first = Math.Min(first, entry.Sequence);
            last = Math.Max(last, entry.Sequence);
        }
        if (last - first + 1 != entries.Count)
        {
            return false;
        }
        using var range = _db.CreateCommand();
        range.Transaction = tx;
        range.CommandText = "DELETE FROM events WHERE seq BETWEEN $first AND $last";
        range.Parameters.AddWithValue("$first", first);
        range.Parameters.AddWithValue("$last", last);
        range.ExecuteNonQuery();
        return true;
    }

    private bool MoveToDeadLetters(long[] seqs, string reason)
    {
        using var tx = _db.BeginTransaction();
        var moved = false;
        foreach (var seq in seqs)
        {
            using var copy = _db.CreateCommand();
            copy.Transaction = tx;
            copy.CommandText = """
                INSERT INTO dead_letters(id, kind, payload, reason, time)
                  SELECT id, kind, payload, $reason, $time FROM events WHERE seq = $seq;
                DELETE FROM events WHERE seq = $seq;
                """;
            copy.Parameters.AddWithValue("$reason", reason);
            copy.Parameters.AddWithValue("$time", _time.GetUtcNow().ToUnixTimeMilliseconds());
            copy.Parameters.AddWithValue("$seq", seq);
            moved |= copy.ExecuteNonQuery() > 0;
        }
        using (var prune = _db.CreateCommand())
        {
            prune.Transaction = tx;
            prune.CommandText = "DELETE FROM dead_letters WHERE seq <= (SELECT max(seq) FROM dead_letters) - $max";
            prune.Parameters.AddWithValue("$max", _options.MaxDeadLetters);
            prune.ExecuteNonQuery();
        }
        tx.Commit();
        if (moved)
        {
            Statistics.AddDeadLettered(seqs.Length);
        }
        return moved;
    }

    private void Forget(EventKind kind, int size)
    {
        _count--;
        _bytes -= size;
        if (kind == EventKind.Alarm)
        {
            _alarms--;
        }
    }

    private void PublishDepth() => Statistics.SetDepth(_count, _bytes, _alarms);

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = p });
        }
        return command;
    }

    private enum QuotaOutcome
    {
        Stored,
        StoredOverQuota,
        Refused,
    }
}
