using System.Text.Json;
using Json.Schema;

namespace Gateway.Testing;

/// <summary>
/// The published JSON Schemas of the records (<c>docs/schemas/&lt;type&gt;.schema.json</c>): validates a
/// record against its file with JsonSchema.Net (formats included) and, stricter than the schema,
/// reports properties the schema does not declare (a misspelt field would otherwise pass).
/// </summary>
internal static class RecordSchemas
{
    private static readonly Lazy<Dictionary<string, (JsonSchema Schema, JsonElement Raw)>> Schemas = new(Load);

    public static string Folder => Path.Combine(RepositoryRoot(), "docs", "schemas");

    /// <summary>Every problem of <paramref name="utf8"/> as a record of <paramref name="recordType"/>; empty = valid.</summary>
    public static IReadOnlyList<string> Problems(string recordType, ReadOnlySpan<byte> utf8)
    {
        if (!Schemas.Value.TryGetValue(recordType, out var entry))
        {
            return [$"no schema file for record type \"{recordType}\" in {Folder}"];
        }
        using var document = JsonDocument.Parse(utf8.ToArray());
        var problems = new List<string>();
        var result = entry.Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
        {
            foreach (var detail in (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
            {
                foreach (var (keyword, message) in detail.Errors!)
                {
                    problems.Add($"{detail.InstanceLocation} ({keyword}): {message}");
                }
            }
            if (problems.Count == 0)
            {
                problems.Add("invalid (no details)");
            }
        }
        Undeclared(entry.Raw, document.RootElement, "$", problems);
        return problems;
    }

    public static void AssertValid(string recordType, ReadOnlySpan<byte> utf8)
    {
        var problems = Problems(recordType, utf8);
        Assert.True(problems.Count == 0, $"{recordType} record does not match its schema:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}{System.Text.Encoding.UTF8.GetString(utf8)}");
    }

    private static void Undeclared(JsonElement schema, JsonElement instance, string path, List<string> problems)
    {
        if (instance.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            var open = schema.TryGetProperty("additionalProperties", out _);
            foreach (var property in instance.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var sub))
                {
                    Undeclared(sub, property.Value, $"{path}.{property.Name}", problems);
                }
                else if (!open)
                {
                    problems.Add($"{path}.{property.Name}: not declared in the schema");
                }
            }
        }
        else if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Undeclared(items, item, $"{path}[{i++}]", problems);
            }
        }
    }

    private static Dictionary<string, (JsonSchema, JsonElement)> Load()
    {
        var schemas = new Dictionary<string, (JsonSchema, JsonElement)>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "*.schema.json"))
        {
            var text = File.ReadAllText(file);
            var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            schemas[Path.GetFileName(file)[..^".schema.json".Length]] = (schema, JsonDocument.Parse(text).RootElement.Clone());
        }
        return schemas;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
