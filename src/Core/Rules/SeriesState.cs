namespace Gateway.Core.Rules;

/// <summary>What the engine remembers about one series under one rule on one node.</summary>
internal sealed class SeriesState
{
    public SeriesState(string id, string resource)
    {
        Id = id;
        Resource = resource;
    }

    public string Id { get; }

    public string Resource { get; }

    /// <summary>Since when the raise condition holds (waiting for <c>for</c>); null when it does not.</summary>
    public DateTimeOffset? PendingSince { get; set; }

    public bool Active { get; set; }

    /// <summary>The evaluation that last saw the series; older ones are forgotten.</summary>
    public long Generation { get; set; }
}
