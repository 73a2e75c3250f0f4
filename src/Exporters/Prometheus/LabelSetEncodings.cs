using System.Runtime.CompilerServices;
using Gateway.Core.Metrics;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// A label set's encoded form, <c>,name="value",…</c>, computed once per set object. Sources intern
/// label sets, so the same <c>{kind="processes"}</c> serves every node: encoding a new snapshot then
/// mostly copies bytes. Weakly keyed: an entry goes with its set.
/// </summary>
internal sealed class LabelSetEncodings
{
    private readonly ConditionalWeakTable<LabelSet, byte[]> _encoded = new();

    public byte[] Get(LabelSet labels)
    {
        if (_encoded.TryGetValue(labels, out var bytes))
        {
            return bytes;
        }
        using var buffer = new PooledBufferWriter(256);
        foreach (var label in labels.AsSpan())
        {
            ExpositionText.WriteByte(buffer, (byte)',');
            ExpositionText.WriteLabelPair(buffer, label.Name, label.Value);
        }
        bytes = buffer.WrittenSpan.ToArray();
        return _encoded.GetValue(labels, _ => bytes);
    }
}
