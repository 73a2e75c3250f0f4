namespace Gateway.Core.Export;

/// <summary>What a non-2xx HTTP status means for the events (<see cref="HttpDelivery.Classify"/>).</summary>
public enum HttpFailure
{
    /// <summary>408, 425, 429, 5xx: temporary; try again later.</summary>
    Retry,

    /// <summary>401, 403: the peer refuses the exporter's key; the exporter is failing, the events wait.</summary>
    Refused,

    /// <summary>Any other 4xx: the events themselves are wrong for the peer; dead-letter them.</summary>
    Reject,
}
