namespace Gateway.Core.Export;

/// <summary>What an exporter says about a batch: delivered, retry later, or permanently rejected.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public static DeliveryResult Delivered { get; } = new DeliveredResult();

    /// <summary>Try again later; <paramref name="after"/> honours e.g. a <c>Retry-After</c> header.</summary>
    public static DeliveryResult Retry(string reason, TimeSpan? after = null) => new RetryResult(reason, after);

    /// <summary>The batch can never succeed (too large, invalid for the peer): dead-letter it.</summary>
    public static DeliveryResult Reject(string reason) => new RejectedResult(reason);

    public sealed record DeliveredResult : DeliveryResult;

    public sealed record RetryResult(string Reason, TimeSpan? After) : DeliveryResult;

    public sealed record RejectedResult(string Reason) : DeliveryResult;
}
