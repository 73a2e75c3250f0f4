using System.Text;
using System.Text.Json;

namespace Gateway.Tests.Saas;

/// <param name="Body">The body, gzip-decoded when the request said <c>Content-Encoding: gzip</c>.</param>
/// <param name="WireLength">The body's length as sent.</param>
internal sealed record StubRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body, long WireLength)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}
