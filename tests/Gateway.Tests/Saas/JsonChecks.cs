using System.Text.Json;

namespace Gateway.Tests.Saas;

/// <summary>Field checks for the stubs: present, of the documented JSON type, within the documented length.</summary>
internal static class JsonChecks
{
    public static void String(JsonElement obj, string name, List<string> problems, int? max = null, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"'{name}' is missing");
            }
            return;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"'{name}' must be a string, is {value.ValueKind}");
            return;
        }
        if (required && value.GetString()!.Length == 0)
        {
            problems.Add($"'{name}' must not be blank");
        }
        if (max is { } m && value.GetString()!.Length > m)
        {
            problems.Add($"'{name}' is longer than {m} characters");
        }
    }

    public static void Kind(JsonElement obj, string name, JsonValueKind kind, List<string> problems, bool required = false)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"'{name}' is missing");
            }
            return;
        }
        if (value.ValueKind != kind)
        {
            problems.Add($"'{name}' must be {kind}, is {value.ValueKind}");
        }
    }

    public static void Only(JsonElement obj, IEnumerable<string> allowed, List<string> problems)
    {
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (!set.Contains(p.Name))
            {
                problems.Add($"unknown field '{p.Name}'");
            }
        }
    }
}
