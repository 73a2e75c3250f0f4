using Gateway.Core.Metrics;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Encodes families into one buffer as <see cref="EncodedBlock"/>s: a family's declaration and sample
/// lines, with the origin's labels injected. A block without sample lines is dropped.
/// </summary>
internal sealed class BlockBuilder(PooledBufferWriter writer, ExpositionFormat format)
{
    private readonly List<Pending> _pending = [];
    private string _name = string.Empty;
    private string _type = string.Empty;
    private int _headerStart;
    private int _linesStart;
    private bool _open;

    public PooledBufferWriter Writer => writer;

    public int Count => _pending.Count;

    /// <summary>Starts a block and writes its HELP/TYPE (and, in OpenMetrics, UNIT) lines.</summary>
    public void BeginBlock(string name, string type, string help, string unit)
    {
        Begin(name, type);
        WriteDeclaration(writer, name, type, help, unit, format);
        _linesStart = writer.WrittenCount;
    }

    /// <summary>A family's declaration: HELP (when there is one), TYPE and, in OpenMetrics, UNIT.</summary>
    public static void WriteDeclaration(PooledBufferWriter writer, string name, string type, string help, string unit, ExpositionFormat format) =>
        ExpositionText.WriteDeclaration(writer, name, type, help, unit, format);

    public void EndBlock()
    {
        if (!_open)
        {
            throw new InvalidOperationException("no block is open");
        }
        _open = false;
        if (writer.WrittenCount == _linesStart)
        {
            writer.Truncate(_headerStart);
            return;
        }
        _pending.Add(new Pending(_name, _type, _headerStart, _linesStart - _headerStart, _linesStart, writer.WrittenCount - _linesStart));
    }

    /// <summary>Writes one sample line: name, labels (the origin's injected), value, optional timestamp.</summary>
    public void WriteSample(in Sample sample, SeriesLabels labels) => WriteSample(writer, sample, labels, format);

    /// <summary>Writes one sample line into <paramref name="writer"/>.</summary>
    public static void WriteSample(PooledBufferWriter writer, in Sample sample, SeriesLabels labels, ExpositionFormat format)
    {
        if (labels.TryGetEncoded(sample.Labels, out var prefix, out var series))
        {
            // One span for the whole line: this runs once per series on every scrape.
            var name = sample.Name;
            var span = writer.GetSpan((name.Length * 3) + prefix.Length + series.Length + 4 + (2 * ExpositionText.MaxNumberLength));
            var position = System.Text.Encoding.UTF8.GetBytes(name, span);
            prefix.CopyTo(span[position..]);
            position += prefix.Length;
            series.CopyTo(span[position..]);
            position += series.Length;
            span[position++] = (byte)'}';
            span[position++] = (byte)' ';
            position += ExpositionText.FormatValue(span[position..], sample.Value);
            if (sample.TimestampMs is { } ms)
            {
                span[position++] = (byte)' ';
                position += ExpositionText.FormatTimestamp(span[position..], ms, format);
            }
            span[position++] = (byte)'\n';
            writer.Advance(position);
            return;
        }
        ExpositionText.WriteString(writer, sample.Name);
        labels.Write(writer, sample.Labels);
        ExpositionText.WriteByte(writer, (byte)' ');
        ExpositionText.WriteValue(writer, sample.Value);
        if (sample.TimestampMs is { } timestamp)
        {
            ExpositionText.WriteByte(writer, (byte)' ');
            ExpositionText.WriteTimestamp(writer, timestamp, format);
        }
        ExpositionText.WriteByte(writer, (byte)'\n');
    }

    /// <summary>Encodes a family; samples its declaration cannot hold become families of their own.</summary>
    public void AddFamily(MetricFamily family, SeriesLabels labels)
    {
        var shape = FamilyShape.Of(family, format);
        var samples = family.Samples;
        var outsiders = false;
        BeginBlock(shape.Name, shape.Type, family.Help, family.Unit);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (shape.Contains(sample.Name))
            {
                WriteSample(sample, labels);
            }
            else
            {
                outsiders = true;
            }
        }
        EndBlock();
        if (outsiders)
        {
            AddOutsiders(family, shape, labels);
        }
    }

    /// <summary>
    /// The blocks written so far, in writing order. With <paramref name="copy"/> they get an exact-size
    /// array of their own (cached node encodings); without, they point into the writer's buffer and
    /// live only as long as it does.
    /// </summary>
    public EncodedBlock[] Build(bool copy)
    {
        var bytes = copy ? writer.WrittenSpan.ToArray() : writer.Buffer;
        var blocks = new EncodedBlock[_pending.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var p = _pending[i];
            blocks[i] = new EncodedBlock(
                p.Name,
                p.Type,
                new ReadOnlyMemory<byte>(bytes, p.HeaderOffset, p.HeaderLength),
                new ReadOnlyMemory<byte>(bytes, p.LinesOffset, p.LinesLength));
        }
        return blocks;
    }

    private void AddOutsiders(MetricFamily family, FamilyShape shape, SeriesLabels labels)
    {
        // Rare (mixed-format sources), so grouping by name may allocate.
        var names = new List<string>();
        foreach (var sample in family.Samples)
        {
            if (!shape.Contains(sample.Name) && !names.Contains(sample.Name))
            {
                names.Add(sample.Name);
            }
        }
        foreach (var name in names)
        {
            BeginBlock(name, shape.SplitType(name), family.Help, string.Empty);
            foreach (var sample in family.Samples)
            {
                if (string.Equals(sample.Name, name, StringComparison.Ordinal))
                {
                    WriteSample(sample, labels);
                }
            }
            EndBlock();
        }
    }

    private void Begin(string name, string type)
    {
        if (_open)
        {
            throw new InvalidOperationException("a block is already open");
        }
        _open = true;
        _name = name;
        _type = type;
        _headerStart = writer.WrittenCount;
    }

    private readonly record struct Pending(string Name, string Type, int HeaderOffset, int HeaderLength, int LinesOffset, int LinesLength);
}
