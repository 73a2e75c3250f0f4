namespace Gateway.Tests.Exporters.Snmp;

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class SnmpTestDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gw-snmp-exporter-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
