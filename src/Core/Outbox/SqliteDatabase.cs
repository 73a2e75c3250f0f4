using Microsoft.Data.Sqlite;

namespace Gateway.Core.Outbox;

/// <summary>Opens the gateway's SQLite files the same way: WAL, the chosen fsync policy, no pooling.</summary>
internal static class SqliteDatabase
{
    public static SqliteConnection Open(string path, bool fullSync)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pooling would keep the file open after Dispose; each database has one long-lived connection anyway.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        // WAL: a commit is an append to the -wal file, readers never block the writer. In WAL mode
        // synchronous=NORMAL never fsyncs on commit (only at checkpoints): a killed process loses
        // nothing (the OS has the pages), a power cut may lose the last commits. FULL fsyncs each commit.
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, fullSync ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
