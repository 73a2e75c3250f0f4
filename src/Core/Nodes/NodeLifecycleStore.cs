using Gateway.Core.Outbox;
using Microsoft.Data.Sqlite;

namespace Gateway.Core.Nodes;

/// <summary>
/// <c>nodes.db</c>: the last known lifecycle state of every node (up/down, since, reason, node_down
/// raised), written on each transition, so a restarted gateway neither repeats nor misses a node event.
/// Not thread-safe: the lifecycle's single evaluation loop uses it.
/// </summary>
public sealed class NodeLifecycleStore : IDisposable
{
    private readonly SqliteConnection _db;

    public NodeLifecycleStore(string path, bool fullSync = false)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        _db = SqliteDatabase.Open(path, fullSync);
        SqliteDatabase.Execute(_db, """
            CREATE TABLE IF NOT EXISTS nodes(
              job TEXT NOT NULL,
              instance TEXT NOT NULL,
              source TEXT NOT NULL,
              up INTEGER NOT NULL,
              since INTEGER NOT NULL,
              reason TEXT,
              down_alarm INTEGER NOT NULL,
              PRIMARY KEY(job, instance));
            """);
    }

    /// <summary>The file under the data folder.</summary>
    public static string PathFor(string dataDir) => Path.Combine(dataDir, "nodes.db");

    public IReadOnlyList<NodeLife> Load()
    {
        var lives = new List<NodeLife>();
        using var select = _db.CreateCommand();
        select.CommandText = "SELECT job, instance, source, up, since, reason, down_alarm FROM nodes";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            lives.Add(new NodeLife(
                new NodeKey(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt64(3) != 0 ? NodeState.Up : NodeState.Down,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6) != 0));
        }
        return lives;
    }

    /// <summary>Writes an up or down node's state (a pending node has nothing to keep).</summary>
    public void Save(NodeLife life)
    {
        using var upsert = _db.CreateCommand();
        upsert.CommandText = """
            INSERT INTO nodes(job, instance, source, up, since, reason, down_alarm) VALUES($job, $instance, $source, $up, $since, $reason, $down)
            ON CONFLICT(job, instance) DO UPDATE SET source = $source, up = $up, since = $since, reason = $reason, down_alarm = $down
            """;
        upsert.Parameters.AddWithValue("$job", life.Node.Job);
        upsert.Parameters.AddWithValue("$instance", life.Node.Instance);
        upsert.Parameters.AddWithValue("$source", life.Source);
        upsert.Parameters.AddWithValue("$up", life.State == NodeState.Up ? 1 : 0);
        upsert.Parameters.AddWithValue("$since", life.Since.ToUnixTimeMilliseconds());
        upsert.Parameters.AddWithValue("$reason", (object?)life.Reason ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$down", life.DownAlarmRaised ? 1 : 0);
        upsert.ExecuteNonQuery();
    }

    public void Delete(NodeKey node)
    {
        using var delete = _db.CreateCommand();
        delete.CommandText = "DELETE FROM nodes WHERE job = $job AND instance = $instance";
        delete.Parameters.AddWithValue("$job", node.Job);
        delete.Parameters.AddWithValue("$instance", node.Instance);
        delete.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}
