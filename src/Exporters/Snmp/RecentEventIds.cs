namespace Gateway.Exporters.Snmp;

/// <summary>
/// The ids of the last <c>capacity</c> events already sent, so a batch the outbox hands over again
/// after a Retry continues where it stopped instead of sending its first notifications twice (and,
/// under a rate limit, instead of spending the tokens on them again and never getting further).
/// Oldest ids are forgotten first. Not thread-safe: one delivery loop calls the exporter.
/// </summary>
public sealed class RecentEventIds
{
    private readonly int _capacity;
    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<Guid> _order = new();

    public RecentEventIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public int Count => _ids.Count;

    public bool Contains(Guid id) => _ids.Contains(id);

    public void Add(Guid id)
    {
        if (!_ids.Add(id))
        {
            return;
        }
        _order.Enqueue(id);
        if (_order.Count > _capacity)
        {
            _ids.Remove(_order.Dequeue());
        }
    }
}
