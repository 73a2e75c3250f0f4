using Gateway.Core.Configuration;
using System.Collections;
using System.Reflection;

namespace Gateway.Configuration;

/// <summary>
/// Finds configuration keys that no property of an options type takes — typos like
/// <c>collect.intervall</c> that binding would silently ignore.
/// </summary>
public static class UnknownKeys
{
    /// <param name="section">The section bound to <paramref name="optionsType"/>.</param>
    /// <param name="optionsType">The options class.</param>
    /// <param name="boundElsewhere">Sub-sections that another options type binds (e.g. <c>alarms:beam</c>).</param>
    public static IEnumerable<string> Find(IConfigurationSection section, Type optionsType, Func<string, bool>? boundElsewhere = null)
    {
        var errors = new List<string>();
        Walk(section, optionsType, errors, depth: 0, boundElsewhere ?? (_ => false));
        return errors;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> errors, int depth, Func<string, bool> boundElsewhere)
    {
        if (depth > 16 || IsLeaf(type))
        {
            return;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            foreach (var child in section.GetChildren())
            {
                Walk(child, valueType, errors, depth + 1, boundElsewhere);
            }
            return;
        }
        if (ElementType(type) is { } elementType)
        {
            foreach (var child in section.GetChildren())
            {
                Walk(child, elementType, errors, depth + 1, boundElsewhere);
            }
            return;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.CanWrite || !IsLeaf(p.PropertyType)))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                Walk(child, property.PropertyType, errors, depth + 1, boundElsewhere);
            }
            else if (boundElsewhere(child.Path))
            {
                continue;
            }
            else
            {
                var known = string.Join(", ", properties.Keys.Select(k => char.ToLowerInvariant(k[0]) + k[1..]).Order(StringComparer.Ordinal));
                errors.Add($"{YamlPath.FromConfigKey(child.Path)}: unknown key (known here: {known})");
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Uri) || t == typeof(object);
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }
        return type.IsGenericType ? type.GetGenericArguments()[0]
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
