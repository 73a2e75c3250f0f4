using System.Buffers;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Puts one render's parts in output order: by family name, and within a name in the order they
/// were added (nodes in job/instance order, then the gateway's own). A counting sort over the
/// distinct names — only those few are compared as strings — so the cost is linear in the number of
/// blocks, where a comparison sort of 100,000 blocks by name took hundreds of milliseconds.
/// Arrays come from <see cref="ArrayPool{T}"/>; one instance is reused between renders.
/// </summary>
internal sealed class FamilyGrouper
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private RenderPart[] _blocks = [];
    private int[] _nameOfBlock = [];
    private string[] _names = [];
    private string[] _groupNames = [];
    private int[] _groupEnds = [];
    private int[] _counts = [];
    private int _blockCount;

    public int Count => _blockCount;

    public void Add(EncodedBlock block) => Add(block.Name, RenderPart.Encoded(block));

    /// <summary>Adds a part of the family named <paramref name="familyName"/>.</summary>
    public void Add(string familyName, in RenderPart part)
    {
        if (!_index.TryGetValue(familyName, out var name))
        {
            name = _index.Count;
            _index.Add(familyName, name);
            Grow(ref _names, name + 1);
            Grow(ref _counts, name + 1);
            _names[name] = familyName;
            _counts[name] = 0;
        }
        Grow(ref _blocks, _blockCount + 1);
        Grow(ref _nameOfBlock, _blockCount + 1);
        _blocks[_blockCount] = part;
        _nameOfBlock[_blockCount] = name;
        _counts[name]++;
        _blockCount++;
    }

    /// <summary>
    /// The parts in output order, in a pooled array valid until <see cref="Reset"/>: family by family
    /// in name order, group <c>g</c> named <paramref name="groupNames"/>[g] and ending before
    /// <paramref name="groupEnds"/>[g]; <paramref name="groups"/> of them.
    /// </summary>
    public RenderPart[] Arrange(out int groups, out string[] groupNames, out int[] groupEnds)
    {
        var names = _index.Count;
        var byName = ArrayPool<int>.Shared.Rent(Math.Max(1, names));
        var start = ArrayPool<int>.Shared.Rent(Math.Max(1, names));
        var arranged = ArrayPool<RenderPart>.Shared.Rent(Math.Max(1, _blockCount));
        Grow(ref _groupNames, names);
        Grow(ref _groupEnds, names);
        try
        {
            for (var i = 0; i < names; i++)
            {
                byName[i] = i;
                _groupNames[i] = _names[i];
            }
            Array.Sort(_groupNames, byName, 0, names, StringComparer.Ordinal);
            var position = 0;
            for (var rank = 0; rank < names; rank++)
            {
                start[byName[rank]] = position;
                position += _counts[byName[rank]];
                _groupEnds[rank] = position;
            }
            for (var i = 0; i < _blockCount; i++)
            {
                arranged[start[_nameOfBlock[i]]++] = _blocks[i];
            }
            // Keep the arranged array; hand the collection array back instead.
            (_blocks, arranged) = (arranged, _blocks);
            groups = names;
            groupNames = _groupNames;
            groupEnds = _groupEnds;
            return _blocks;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(byName);
            ArrayPool<int>.Shared.Return(start);
            if (arranged.Length > 0)
            {
                Array.Clear(arranged, 0, Math.Min(arranged.Length, _blockCount));
                ArrayPool<RenderPart>.Shared.Return(arranged);
            }
        }
    }

    /// <summary>Forgets the parts (dropping references) and keeps the arrays for the next render.</summary>
    public void Reset()
    {
        Array.Clear(_blocks, 0, Math.Min(_blocks.Length, _blockCount));
        Array.Clear(_names, 0, Math.Min(_names.Length, _index.Count));
        Array.Clear(_groupNames, 0, Math.Min(_groupNames.Length, _index.Count));
        _blockCount = 0;
        _index.Clear();
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length >= needed)
        {
            return;
        }
        var grown = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(64, array.Length * 2)));
        Array.Copy(array, grown, array.Length);
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
        array = grown;
    }
}
