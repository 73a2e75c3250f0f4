using System.Text;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Splits an exposition written by prometheus-net (well-formed, one declaration per family) into
/// blocks so its families merge by name with the nodes' instead of being declared a second time.
/// Sample lines are copied as they are, with the gateway's <c>instance</c>/<c>job</c> added when absent.
/// </summary>
internal static class RegistryExposition
{
    public static void Split(ReadOnlySpan<byte> text, BlockBuilder builder, GatewayIdentity gateway, IReadOnlySet<string> skip)
    {
        var defaultType = builder.Format == ExpositionFormat.OpenMetrics ? "unknown" : "untyped";
        var open = false;
        var skipping = false;
        while (!text.IsEmpty)
        {
            if (text[0] == (byte)'#')
            {
                if (text.StartsWith("# EOF"u8))
                {
                    break;
                }
                // A family's declaration lines come together: read them all, then open its block.
                var headerLength = 0;
                string? name = null;
                var type = defaultType;
                while (headerLength < text.Length && text[headerLength] == (byte)'#')
                {
                    var line = Line(text[headerLength..]);
                    if (line.StartsWith("# EOF"u8))
                    {
                        break;
                    }
                    var lineName = Declaration(line, out var keyword, out var rest);
                    if (name is not null && lineName is not null && !string.Equals(name, lineName, StringComparison.Ordinal))
                    {
                        break;
                    }
                    name ??= lineName;
                    if (keyword.SequenceEqual("TYPE"u8))
                    {
                        type = Encoding.UTF8.GetString(rest.TrimEnd((byte)'\n'));
                    }
                    headerLength += line.Length;
                }
                if (open)
                {
                    builder.EndBlock();
                    open = false;
                }
                skipping = name is null || skip.Contains(name);
                if (!skipping)
                {
                    builder.BeginRawBlock(name!, type, text[..headerLength]);
                    open = true;
                }
                text = text[Math.Max(headerLength, Line(text).Length)..];
                continue;
            }
            var sample = Line(text);
            text = text[sample.Length..];
            if (open && !skipping && sample.Length > 1)
            {
                WriteSample(builder, sample, gateway);
            }
        }
        if (open)
        {
            builder.EndBlock();
        }
    }

    private static void WriteSample(BlockBuilder builder, ReadOnlySpan<byte> line, GatewayIdentity gateway)
    {
        var writer = builder.Writer;
        var nameEnd = line.IndexOfAny((byte)'{', (byte)' ');
        if (nameEnd < 0)
        {
            return;
        }
        ExpositionText.WriteBytes(writer, line[..nameEnd]);
        ExpositionText.WriteByte(writer, (byte)'{');
        var rest = line[nameEnd..];
        var hasInstance = false;
        var hasJob = false;
        var labelsEnd = -1;
        if (rest[0] == (byte)'{')
        {
            labelsEnd = ScanLabels(rest, ref hasInstance, ref hasJob);
            if (labelsEnd < 0)
            {
                return;
            }
        }
        var first = true;
        if (!hasInstance)
        {
            ExpositionText.WriteBytes(writer, gateway.InstancePair);
            first = false;
        }
        if (!hasJob)
        {
            if (!first)
            {
                ExpositionText.WriteByte(writer, (byte)',');
            }
            ExpositionText.WriteBytes(writer, gateway.JobPair);
            first = false;
        }
        if (labelsEnd >= 0)
        {
            var inner = rest[1..labelsEnd];
            if (!inner.IsEmpty && !first)
            {
                ExpositionText.WriteByte(writer, (byte)',');
            }
            ExpositionText.WriteBytes(writer, inner);
            rest = rest[labelsEnd..];
        }
        else
        {
            ExpositionText.WriteByte(writer, (byte)'}');
        }
        ExpositionText.WriteBytes(writer, rest);
        if (rest[^1] != (byte)'\n')
        {
            ExpositionText.WriteByte(writer, (byte)'\n');
        }
    }

    /// <summary>Returns the index of the closing brace, noting whether instance/job are among the names.</summary>
    private static int ScanLabels(ReadOnlySpan<byte> rest, ref bool hasInstance, ref bool hasJob)
    {
        var i = 1;
        while (i < rest.Length)
        {
            if (rest[i] == (byte)'}')
            {
                return i;
            }
            if (rest[i] == (byte)',')
            {
                i++;
                continue;
            }
            var eq = rest[i..].IndexOf((byte)'=');
            if (eq < 0)
            {
                return -1;
            }
            var name = rest.Slice(i, eq);
            hasInstance |= name.SequenceEqual("instance"u8);
            hasJob |= name.SequenceEqual("job"u8);
            i += eq + 2;
            while (i < rest.Length && rest[i] != (byte)'"')
            {
                i += rest[i] == (byte)'\\' ? 2 : 1;
            }
            i++;
        }
        return -1;
    }

    /// <summary>For <c># HELP name …</c>, <c># TYPE name type</c>, <c># UNIT name unit</c>: the name, keyword and rest.</summary>
    private static string? Declaration(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> keyword, out ReadOnlySpan<byte> rest)
    {
        keyword = default;
        rest = default;
        if (!line.StartsWith("# "u8) || line.Length < 7)
        {
            return null;
        }
        keyword = line.Slice(2, 4);
        var afterKeyword = line[7..];
        var space = afterKeyword.IndexOfAny((byte)' ', (byte)'\n');
        if (space < 0)
        {
            return null;
        }
        rest = afterKeyword[(space + 1)..];
        return Encoding.UTF8.GetString(afterKeyword[..space]);
    }

    /// <summary>The line at the start of <paramref name="text"/>, with its line feed.</summary>
    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)'\n');
        return end < 0 ? text : text[..(end + 1)];
    }
}
