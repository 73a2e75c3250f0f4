using System.Text.Json;

namespace Gateway.Collector.Discovery;

/// <summary>
/// Reads the Prometheus file_sd JSON format: an array of <c>{"targets": ["host:port", …], "labels": {"k": "v"}}</c>.
/// Pure: bytes in, groups out. Any deviation is a <see cref="FormatException"/> whose message names the
/// place (<c>[1].labels.env: must be a string</c>), so an operator can fix the file.
/// </summary>
public static class FileSdParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static IReadOnlyList<FileSdGroup> Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // JsonException's line numbers are 0-based.
            var where = ex.LineNumber is { } line ? $"line {line + 1}: " : string.Empty;
            throw new FormatException($"{where}invalid JSON: {FirstSentence(ex.Message)}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("the file must contain a JSON array of {\"targets\": [...], \"labels\": {...}} objects");
            }
            var groups = new List<FileSdGroup>(root.GetArrayLength());
            var index = 0;
            try
            {
                foreach (var element in root.EnumerateArray())
                {
                    groups.Add(ParseGroup(element, $"[{index}]"));
                    index++;
                }
            }
            catch (InvalidOperationException ex)
            {
                // JsonDocument validates structure but decodes strings lazily: invalid UTF-8 surfaces here.
                throw new FormatException($"[{index}]: {FirstSentence(ex.Message)}", ex);
            }
            return groups;
        }
    }

    private static FileSdGroup ParseGroup(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path}: must be an object with \"targets\" and optional \"labels\"");
        }
        var targets = new List<string>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var sawTargets = false;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "targets":
                    sawTargets = true;
                    if (property.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new FormatException($"{path}.targets: must be an array of \"host:port\" strings");
                    }
                    var i = 0;
                    foreach (var target in property.Value.EnumerateArray())
                    {
                        if (target.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(target.GetString()))
                        {
                            throw new FormatException($"{path}.targets[{i}]: must be a non-empty string");
                        }
                        targets.Add(target.GetString()!);
                        i++;
                    }
                    break;
                case "labels":
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new FormatException($"{path}.labels: must be an object of string values");
                    }
                    foreach (var label in property.Value.EnumerateObject())
                    {
                        if (!TargetLabels.IsValidName(label.Name))
                        {
                            throw new FormatException($"{path}.labels: \"{label.Name}\" is not a valid label name");
                        }
                        if (label.Value.ValueKind != JsonValueKind.String)
                        {
                            throw new FormatException($"{path}.labels.{label.Name}: must be a string");
                        }
                        labels[label.Name] = label.Value.GetString()!;
                    }
                    break;
                default:
                    // Unknown keys are ignored, as Prometheus does.
                    break;
            }
        }
        if (!sawTargets)
        {
            throw new FormatException($"{path}: \"targets\" is missing");
        }
        return new FileSdGroup(targets, labels);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
