using System.Text;

namespace Gateway.Erlang.Tests.Terms;

/// <summary>
/// Interesting terms made by a real erl, each as term_to_binary/1, [compressed], [{minor_version, 2}],
/// [{minor_version, 0}] and its <c>~tw</c> text. Produced once per test run (one erl start).
/// </summary>
internal sealed class ErlCorpus
{
    private static readonly Lazy<ErlCorpus> Lazy = new(Create);

    private ErlCorpus(List<CorpusEntry> entries)
    {
        Entries = entries;
    }

    public static ErlCorpus Instance => Lazy.Value;

    public IReadOnlyList<CorpusEntry> Entries { get; }

    public CorpusEntry Entry(string name) => Entries.Single(e => e.Name == name);

    public byte[] Default(string name) => Entry(name).Default;

    // Terms whose ~tw text we do not compare carry print=false: maps over 32 keys print in an order
    // that differs from their encoding order.
    private const string Script = """
        Y = 5,
        Closure = fun(X) -> X + Y end,
        Terms = [
            {atom, ok, true}, {quoted_atom, 'hello world', true}, {unicode_atom, '日本', true}, {latin1_atom, 'über', true},
            {escaped_atom, 'it\'s', true}, {nil, [], true}, {empty_tuple, {}, true}, {empty_binary, <<>>, true},
            {zero, 0, true}, {byte, 255, true}, {int256, 256, true}, {minus_one, -1, true}, {int27, 1 bsl 27, true},
            {int_min, -(1 bsl 31), true}, {int_max_plus, 1 bsl 31, true}, {int63, 1 bsl 63, true}, {neg64, -(1 bsl 64), true},
            {big2100, 1 bsl 2100, true}, {negbig3000, -(1 bsl 3000) + 12345, true},
            {float, 1.5, true}, {negfloat, -0.1, true}, {hugefloat, 1.0e300, true}, {tinyfloat, 5.0e-324, true},
            {smallfloat, 2.5e-10, true}, {pi, math:pi(), true}, {million, 1.0e6, true},
            {string, "hello", true}, {unicode_string, "日本", true}, {seq300, lists:seq(1, 300), true},
            {long_bytes, lists:duplicate(70000, 7), true}, {improper, [a|b], true}, {improper2, [1,2|3], true},
            {nested_nil, [[[[]]]], true}, {ok_tuple, {ok, [1,2]}, true}, {large_tuple, list_to_tuple(lists:seq(1, 300)), true},
            {small_map, #{a => 1, b => [x], <<"k">> => #{}, {1,2} => 3.5}, true},
            {big_map, maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]), false},
            {binary, <<1,2,3>>, true}, {bits3, <<1:3>>, true}, {bits13, <<255, 7:5>>, true},
            {big_binary, binary:copy(<<"0123456789abcdef">>, 70000), true},
            {self, self(), true}, {make_ref, make_ref(), true}, {port, hd(erlang:ports()), true},
            {export, fun lists:seq/2, true}, {closure, Closure, true},
            {mixed, {self(), [make_ref(), {hd(erlang:ports())}], #{pid => self()}}, true},
            {memory, erlang:memory(), true},
            {process_info, [{K, V} || {K, V} <- process_info(self(), [registered_name, message_queue_len, memory, reductions, current_function, status])], true},
            {system_info, erlang:system_info(info), true},
            {deep, lists:foldl(fun(_, Acc) -> {Acc} end, ok, lists:seq(1, 200)), true}
        ],
        Enc = fun(Opts) -> [Frame(term_to_binary(T, Opts)) || {_, T, _} <- Terms] end,
        ok = file:write_file("default.bin", Enc([])),
        ok = file:write_file("compressed.bin", Enc([compressed])),
        ok = file:write_file("v2.bin", Enc([{minor_version, 2}])),
        ok = file:write_file("v0.bin", Enc([{minor_version, 0}])),
        ok = file:write_file("names.txt", lists:join("\n", [atom_to_list(N) || {N, _, _} <- Terms])),
        Text = fun(T, true) -> unicode:characters_to_binary(io_lib:format("~tw", [T])); (_, false) -> <<>> end,
        ok = file:write_file("text.bin", [Frame(Text(T, P)) || {_, T, P} <- Terms]),
        """;

    private static ErlCorpus Create()
    {
        using var dir = new TempDir();
        ErlRunner.Run(FramedFile.ErlangReader + Script, dir.Path);
        var names = File.ReadAllText(dir.File("names.txt")).Split('\n');
        var defaults = FramedFile.Read(dir.File("default.bin"));
        var compressed = FramedFile.Read(dir.File("compressed.bin"));
        var v2 = FramedFile.Read(dir.File("v2.bin"));
        var v0 = FramedFile.Read(dir.File("v0.bin"));
        var texts = FramedFile.Read(dir.File("text.bin"));
        var entries = new List<CorpusEntry>();
        for (var i = 0; i < names.Length; i++)
        {
            entries.Add(new CorpusEntry(i, names[i], defaults[i], compressed[i], v2[i], v0[i], Encoding.UTF8.GetString(texts[i])));
        }

        return new ErlCorpus(entries);
    }
}

internal sealed record CorpusEntry(int Index, string Name, byte[] Default, byte[] Compressed, byte[] MinorVersion2, byte[] MinorVersion0, string Text);
