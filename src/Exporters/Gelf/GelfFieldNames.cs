namespace Gateway.Exporters.Gelf;

/// <summary>
/// GELF 1.1 additional field names: <c>^[\w\.\-]*$</c> (Graylog's Java <c>\w</c> is ASCII letters,
/// digits and underscore) behind a leading underscore, and never <c>_id</c>, which Graylog reserves
/// and drops. Anything else becomes an underscore; <c>id</c> becomes <c>id_</c>.
/// </summary>
public static class GelfFieldNames
{
    private const int CacheLimit = 4096;

    // Field names repeat (ours, and the usual metadata keys): each is made once, up to a bound.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The field name as written, with its leading underscore (<c>"mfa"</c> → <c>"_mfa"</c>).</summary>
    public static string Sanitise(string name)
    {
        if (Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var sanitised = Make(name);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(name, sanitised);
        }
        return sanitised;
    }

    private static string Make(string name)
    {
        if (name.Length == 0)
        {
            return "_field";
        }
        if (IsClean(name))
        {
            return name == "id" ? "_id_" : "_" + name;
        }
        return string.Create(name.Length + 1, name, static (span, source) =>
        {
            span[0] = '_';
            for (var i = 0; i < source.Length; i++)
            {
                span[i + 1] = IsAllowed(source[i]) ? source[i] : '_';
            }
        });
    }

    private static bool IsClean(string name)
    {
        foreach (var c in name)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}
