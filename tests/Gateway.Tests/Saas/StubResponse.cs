namespace Gateway.Tests.Saas;

internal sealed record StubResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
