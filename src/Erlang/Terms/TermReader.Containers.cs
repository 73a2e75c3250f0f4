namespace Gateway.Erlang.Terms;

// Tuples, lists, maps and funs: each opens a frame that collects its children.
internal ref partial struct TermReader
{
    private ErlangTuple? OpenTuple(uint arity, int start)
    {
        if (arity == 0)
        {
            return ErlangTuple.Empty;
        }

        Push(FrameKind.Tuple, arity, arity, start);
        return null;
    }

    private ErlangCharList? OpenList(uint length, int start)
    {
        if (length == 0)
        {
            // LIST_EXT with no elements is just its tail: [] | T = T.
            return null;
        }

        if (TryReadByteList(length) is { } bytes)
        {
            return bytes;
        }

        // Each element and the tail take at least one byte.
        Push(FrameKind.List, length, length + 1L, start);
        return null;
    }

    // A proper LIST_EXT of SMALL_INTEGER_EXT elements is what OTP writes for a "string" longer than
    // STRING_EXT's 65535 (io_lib output, binary_to_list/1). Keeping it as bytes costs 1 byte per
    // element instead of an 8-byte reference.
    private ErlangCharList? TryReadByteList(uint length)
    {
        var size = (2L * length) + 1;
        if (length < 2 || size > Remaining)
        {
            return null;
        }

        var body = data.Slice(pos, (int)size);
        for (var i = 0; i < body.Length - 1; i += 2)
        {
            if (body[i] != ExternalTermTag.SmallInteger)
            {
                return null;
            }
        }

        if (body[^1] != ExternalTermTag.Nil)
        {
            return null;
        }

        CountTerms(length + 1L);
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = body[(2 * i) + 1];
        }

        pos += (int)size;
        return new ErlangCharList(bytes);
    }

    private ErlangMap? OpenMap(uint arity, int start)
    {
        if (arity == 0)
        {
            return ErlangMap.Empty;
        }

        Push(FrameKind.Map, arity * 2L, arity * 2L, start);
        return null;
    }

    private ErlangFun? OpenFun(int start)
    {
        var size = ReadUInt32();
        if (size < 4 || size - 4 > (uint)Remaining)
        {
            throw Error($"NEW_FUN_EXT claims {size} bytes but {Remaining + 4} remain", start);
        }

        var arity = ReadByte();
        var uniq = Take(ErlangFun.UniqLength).ToArray();
        var index = ReadUInt32();
        var numFree = ReadUInt32();
        var module = ReadAtom();
        var oldIndex = ReadSmallOrInteger();
        var oldUniq = ReadSmallOrInteger();
        var pidStart = pos;
        var pidTag = ReadByte();
        if (pidTag is not (ExternalTermTag.Pid or ExternalTermTag.NewPid))
        {
            throw Error($"NEW_FUN_EXT needs a pid, found tag {pidTag}", pidStart);
        }

        var pid = ReadPidBody(pidTag);
        var header = new FunHeader
        {
            Start = start,
            Size = size,
            Arity = arity,
            Uniq = uniq,
            Index = index,
            Module = module,
            OldIndex = oldIndex,
            OldUniq = oldUniq,
            Pid = pid,
        };

        if (numFree == 0)
        {
            return CloseFun(header, []);
        }

        Push(FrameKind.Fun, numFree, numFree, start);
        stack![depth - 1].Fun = header;
        return null;
    }

    private void Push(FrameKind kind, long slots, long minBytes, int start)
    {
        if (depth >= options.MaxDepth)
        {
            throw Error($"Terms nest deeper than {options.MaxDepth}", start);
        }

        // Check the claim against the input before allocating for it.
        if (minBytes > Remaining)
        {
            throw Error($"{kind} claims {slots} elements but only {Remaining} bytes remain", start);
        }

        if (terms + slots > options.MaxTerms)
        {
            throw Error($"More than {options.MaxTerms} terms", start);
        }

        stack ??= new Frame[8];
        if (depth == stack.Length)
        {
            Array.Resize(ref stack, stack.Length * 2);
        }

        stack[depth++] = new Frame { Kind = kind, Items = new ErlangTerm[slots], Filled = 0 };
    }

    private void Pop()
    {
        stack![--depth] = default;
    }

    private ErlangTerm Close(ref Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Tuple:
                return new ErlangTuple(frame.Items, trusted: true);
            case FrameKind.Map:
                var pairs = new KeyValuePair<ErlangTerm, ErlangTerm>[frame.Items.Length / 2];
                for (var i = 0; i < pairs.Length; i++)
                {
                    pairs[i] = new(frame.Items[2 * i], frame.Items[(2 * i) + 1]);
                }

                var map = new ErlangMap(pairs, trusted: true);
                if (map.HasDuplicateKeys())
                {
                    throw Error("Map has duplicate keys", pos);
                }

                return map;
            default:
                return CloseFun(frame.Fun!, frame.Items);
        }
    }

    private ErlangList CloseList(ErlangTerm[] elements, ErlangTerm tail)
    {
        if (tail is not ErlangList tailList)
        {
            return new ErlangList(elements, tail, trusted: true);
        }

        if (tailList.IsEmpty)
        {
            return new ErlangList(elements, null, trusted: true);
        }

        // [a | [b, c]] is [a, b, c]. Never produced by term_to_binary, but legal; the copy counts
        // against the term budget so a chain of such tails cannot cost quadratic time.
        CountTerms(elements.Length + tailList.Count);
        var merged = new ErlangTerm[elements.Length + tailList.Count];
        elements.CopyTo(merged, 0);
        tailList.Elements.CopyTo(merged.AsSpan(elements.Length));
        return new ErlangList(merged, tailList.IsProper ? null : tailList.Tail, trusted: true);
    }

    private ErlangFun CloseFun(FunHeader h, ErlangTerm[] freeVars)
    {
        if (pos - h.Start - 1 != h.Size)
        {
            throw Error($"NEW_FUN_EXT claims {h.Size} bytes but its fields take {pos - h.Start - 1}", h.Start);
        }

        return new ErlangFun(h.Module, h.Arity, h.Uniq, h.Index, h.OldIndex, h.OldUniq, h.Pid, freeVars);
    }
}
