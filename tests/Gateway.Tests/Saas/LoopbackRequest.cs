using System.Text.Json;

namespace Gateway.Tests.Saas;

/// <summary>A request a <see cref="LoopbackStub"/> received.</summary>
public sealed record LoopbackRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
