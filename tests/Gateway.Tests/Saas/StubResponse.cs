namespace Gateway.Tests.Saas;

/// <summary>What a <see cref="LoopbackStub"/> answers.</summary>
public sealed record StubResponse(int Status, string Body = "", string ContentType = "text/plain", string? RetryAfter = null)
{
    public static StubResponse Ok(string body = "") => new(200, body);
}
