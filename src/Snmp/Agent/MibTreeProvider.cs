namespace Gateway.Snmp.Agent;

/// <summary>A provider whose rows the owner replaces as a whole (atomic swap, lock-free reads).</summary>
public sealed class MibTreeProvider : IMibTreeProvider
{
    private MibSnapshot _snapshot = MibSnapshot.Empty;

    public MibTreeProvider()
    {
    }

    public MibTreeProvider(IEnumerable<VarBind> rows)
    {
        Update(rows);
    }

    public void Update(IEnumerable<VarBind> rows) => Volatile.Write(ref _snapshot, MibSnapshot.Create(rows));

    public MibSnapshot GetSnapshot() => Volatile.Read(ref _snapshot);
}
