namespace Gateway.Tests.Saas;

/// <summary>What a <see cref="LoopbackStub"/> answers.</summary>
public sealed record LoopbackResponse(int Status, string Body = "", string ContentType = "text/plain", string? RetryAfter = null)
{
    public static LoopbackResponse Ok(string body = "") => new(200, body);
}
