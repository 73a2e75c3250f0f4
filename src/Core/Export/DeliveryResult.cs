namespace Gateway.Core.Export;

/// <summary>
/// What an exporter says about a batch: delivered, retry later, or permanently rejected. A retry or a
/// rejection may say how many events at the head of the batch got through before the failure
/// (<c>delivered</c>): the outbox acknowledges those and keeps only the rest, so an exporter never
/// keeps its own list of what it already sent.
/// </summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public static DeliveryResult Delivered { get; } = new DeliveredResult();

    /// <summary>
    /// Try again later; <paramref name="after"/> honours e.g. a <c>Retry-After</c> header. The first
    /// <paramref name="delivered"/> events of the batch went through and are not handed over again.
    /// </summary>
    public static DeliveryResult Retry(string reason, TimeSpan? after = null, int delivered = 0) => new RetryResult(reason, after, delivered);

    /// <summary>
    /// The batch can never succeed (too large, invalid for the peer): dead-letter it. The first
    /// <paramref name="delivered"/> events went through; only the rest is treated as rejected (the
    /// outbox retries it event by event to find the bad one).
    /// </summary>
    public static DeliveryResult Reject(string reason, int delivered = 0) => new RejectedResult(reason, delivered);

    /// <summary>
    /// The peer refuses the exporter itself (401/403: a wrong or revoked key): nothing is dead-lettered.
    /// The exporter is marked failing (<c>gateway_exporter_up 0</c>, one log line per change of state),
    /// the events wait in the outbox, and attempts continue at the outbox's longest backoff, so they flow
    /// once the key is fixed (and at once after a restart). The first <paramref name="delivered"/> went through.
    /// </summary>
    public static DeliveryResult Failing(string reason, int delivered = 0) => new FailingResult(reason, delivered);

    public sealed record DeliveredResult : DeliveryResult;

    /// <param name="Reason">Why, for the log and <c>GET /api/v1/exporters</c> (never a key or token).</param>
    /// <param name="DeliveredCount">Events at the head of the batch that went through before the failure.</param>
    public sealed record FailingResult(string Reason, int DeliveredCount = 0) : DeliveryResult;

    /// <param name="Reason">Why, for the log.</param>
    /// <param name="After">When to try again (null: the outbox's backoff).</param>
    /// <param name="DeliveredCount">Events at the head of the batch that went through before the failure.</param>
    public sealed record RetryResult(string Reason, TimeSpan? After, int DeliveredCount = 0) : DeliveryResult;

    /// <param name="Reason">Why, for the log and the dead letter.</param>
    /// <param name="DeliveredCount">Events at the head of the batch that went through before the rejected one(s).</param>
    public sealed record RejectedResult(string Reason, int DeliveredCount = 0) : DeliveryResult;
}
