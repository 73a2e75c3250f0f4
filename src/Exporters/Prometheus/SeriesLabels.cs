using System.Buffers;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// The labels added to every series of one origin: <c>instance</c>, <c>job</c> and the target's labels,
/// pre-encoded once. Two policies: a node's series get them always, and a series label of the same name
/// is renamed <c>exported_&lt;name&gt;</c> (what Prometheus does without <c>honor_labels</c>); the
/// gateway's own and provided series only get the ones they do not carry themselves.
/// </summary>
internal sealed class SeriesLabels
{
    private const string ExportedPrefix = "exported_";

    private readonly string[] _names;
    private readonly byte[][] _encoded;
    private readonly bool _fillOnly;
    private readonly LabelSetEncodings? _encodings;

    private SeriesLabels(List<Label> labels, bool fillOnly, LabelSetEncodings? encodings)
    {
        _encodings = encodings;
        _names = new string[labels.Count];
        _encoded = new byte[labels.Count][];
        for (var i = 0; i < labels.Count; i++)
        {
            _names[i] = labels[i].Name;
            using var buffer = new PooledBufferWriter(256);
            ExpositionText.WriteLabelPair(buffer, labels[i].Name, labels[i].Value);
            _encoded[i] = buffer.WrittenSpan.ToArray();
        }
        _fillOnly = fillOnly;
        using var prefix = new PooledBufferWriter(256);
        ExpositionText.WriteByte(prefix, (byte)'{');
        for (var i = 0; i < _encoded.Length; i++)
        {
            if (i > 0)
            {
                ExpositionText.WriteByte(prefix, (byte)',');
            }
            ExpositionText.WriteBytes(prefix, _encoded[i]);
        }
        _prefix = prefix.WrittenSpan.ToArray();
    }

    private readonly byte[] _prefix;

    /// <summary>
    /// For the common case — a node's series with no label to rename — the two pieces of its label
    /// text: the node's <c>{instance="…",job="…"</c> and the series' cached <c>,name="value"…</c>
    /// (the caller adds <c>}</c>). False when the slow path must write it.
    /// </summary>
    public bool TryGetEncoded(LabelSet labels, out byte[] prefix, out byte[] series)
    {
        if (_encodings is null || Collides(labels))
        {
            prefix = [];
            series = [];
            return false;
        }
        prefix = _prefix;
        series = _encodings.Get(labels);
        return true;
    }

    /// <summary>
    /// A node's labels: <c>instance</c>, <c>job</c>, then its target labels by name. Target labels named
    /// <c>instance</c>/<c>job</c> lose to the node key; names starting with <c>__</c> are internal and dropped,
    /// as Prometheus drops them after relabelling.
    /// </summary>
    public static SeriesLabels ForNode(NodeKey node, LabelSet targetLabels, LabelSetEncodings? encodings = null)
    {
        var labels = new List<Label>(2 + targetLabels.Count)
        {
            new("instance", node.Instance),
            new("job", node.Job),
        };
        foreach (var label in targetLabels)
        {
            if (label.Name is not ("instance" or "job") && !label.Name.StartsWith("__", StringComparison.Ordinal))
            {
                labels.Add(label);
            }
        }
        return new SeriesLabels(labels, fillOnly: false, encodings);
    }

    /// <summary>The gateway's own <c>instance</c>/<c>job</c>, added only where a series lacks them.</summary>
    public static SeriesLabels ForGateway(string job, string instance) =>
        new([new("instance", instance), new("job", job)], fillOnly: true, encodings: null);

    public void Write(IBufferWriter<byte> writer, LabelSet labels)
    {
        var first = true;
        ExpositionText.WriteByte(writer, (byte)'{');
        for (var i = 0; i < _encoded.Length; i++)
        {
            if (_fillOnly && labels.Get(_names[i]) is not null)
            {
                continue;
            }
            if (!first)
            {
                ExpositionText.WriteByte(writer, (byte)',');
            }
            ExpositionText.WriteBytes(writer, _encoded[i]);
            first = false;
        }
        foreach (var label in labels.AsSpan())
        {
            if (!first)
            {
                ExpositionText.WriteByte(writer, (byte)',');
            }
            var name = !_fillOnly && Array.IndexOf(_names, label.Name) >= 0 ? Rename(label.Name, labels) : label.Name;
            ExpositionText.WriteLabelPair(writer, name, label.Value);
            first = false;
        }
        ExpositionText.WriteByte(writer, (byte)'}');
    }

    private bool Collides(LabelSet labels)
    {
        foreach (var label in labels.AsSpan())
        {
            if (Array.IndexOf(_names, label.Name) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private string Rename(string name, LabelSet labels)
    {
        var renamed = ExportedPrefix + name;
        while (Array.IndexOf(_names, renamed) >= 0 || labels.Get(renamed) is not null)
        {
            renamed = ExportedPrefix + renamed;
        }
        return renamed;
    }
}
