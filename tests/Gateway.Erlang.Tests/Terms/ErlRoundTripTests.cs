using System.Text;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

/// <summary>
/// Both directions against a real erl (OTP 25), without the distribution protocol: terms travel
/// through files, and each test runs erl once or twice for hundreds of terms.
/// </summary>
public sealed class ErlRoundTripTests
{
    private const int RandomTermCount = 600;

    [Fact]
    public void Random_terms_we_encode_are_what_erl_evaluates_from_our_text_and_erl_re_encodes_them_to_our_bytes() =>
        RandomRoundTrip(seed: 1234, RandomTermCount);

    /// <summary>One erl run for <paramref name="count"/> random terms from <paramref name="seed"/>.</summary>
    internal static void RandomRoundTrip(int seed, int count)
    {
        using var dir = new TempDir();
        var printable = new RandomTermGenerator(seed, printable: true);
        var withIds = new RandomTermGenerator(seed + 1, printable: false);
        var terms = new List<ErlangTerm>();
        var texts = new List<string>();
        var ordered = new List<bool>();
        for (var i = 0; i < count; i++)
        {
            var usePrintable = i % 3 != 0;
            var gen = usePrintable ? printable : withIds;
            var term = gen.Next();
            terms.Add(term);
            // Only printable terms are Erlang source (pids, refs, ports have no literal syntax).
            texts.Add(usePrintable ? term.ToString() : string.Empty);
            ordered.Add(!gen.ContainsUnorderedMap);
        }

        var ours = terms.Select(t => TermEncoder.ToBytes(t)).ToList();
        // erl_scan/erl_eval are slow on big literals: keep the text (and so the erl run) small.
        Assert.InRange(texts.Sum(t => t.Length), 1, 4_000_000);
        FramedFile.Write(dir.File("in.bin"), ours);
        File.WriteAllText(dir.File("in.txt"), string.Join('\n', texts), new UTF8Encoding(false));

        ErlRunner.Run(FramedFile.ErlangReader + """
            Bins = ReadFramed("in.bin"),
            {ok, TextBin} = file:read_file("in.txt"),
            Texts = string:split(unicode:characters_to_list(TextBin), "\n", all),
            Eval = fun("") -> none;
                      (S) -> {ok, Toks, _} = erl_scan:string(S ++ "."),
                             {ok, Exprs} = erl_parse:parse_exprs(Toks),
                             {value, V, _} = erl_eval:exprs(Exprs, []),
                             {value, V}
                   end,
            Check = fun(B, S) ->
                try binary_to_term(B) of
                    T ->
                        Status = try Eval(S) of
                                     none -> "nocheck";
                                     {value, V} when V =:= T -> "ok";
                                     {value, _} -> "mismatch"
                                 catch C:E -> lists:flatten(io_lib:format("text_error ~p:~p", [C, E]))
                                 end,
                        {term_to_binary(T, [{minor_version, 2}]), Status, unicode:characters_to_binary(io_lib:format("~tw", [T]))}
                catch C2:E2 -> {<<>>, lists:flatten(io_lib:format("badarg ~p:~p", [C2, E2])), <<>>}
                end
            end,
            Results = lists:zipwith(Check, Bins, Texts),
            ok = file:write_file("out.bin", [Frame(R) || {R, _, _} <- Results]),
            ok = file:write_file("printed.bin", [Frame(P) || {_, _, P} <- Results]),
            ok = file:write_file("status.txt", lists:join("\n", [S || {_, S, _} <- Results])),
            """, dir.Path);

        var statuses = File.ReadAllText(dir.File("status.txt")).Split('\n');
        var back = FramedFile.Read(dir.File("out.bin"));
        var printed = FramedFile.Read(dir.File("printed.bin")).Select(b => Encoding.UTF8.GetString(b)).ToList();
        Assert.Equal(count, statuses.Length);
        Assert.Equal(count, back.Count);
        var exact = 0;
        for (var i = 0; i < count; i++)
        {
            var context = $"term #{i}: {Short(texts[i].Length > 0 ? texts[i] : terms[i].ToString())}";
            Assert.True(statuses[i] is "ok" or "nocheck", $"{context}\nerl says: {statuses[i]}");
            if (texts[i].Length > 0)
            {
                Assert.Equal("ok", statuses[i]);

                // Same text as erl's ~tw, unless a map's pairs are in another order than erl's.
                if (ordered[i])
                {
                    Assert.True(printed[i] == texts[i], $"{context}\nerl ~tw: {Short(printed[i])}");
                }
            }

            TermAssert.Equal(terms[i], TermDecoder.Decode(back[i]), context);
            if (ordered[i])
            {
                Assert.True(ours[i].AsSpan().SequenceEqual(back[i]), $"{context}\nours:   {Hex(ours[i])}\nerl's:  {Hex(back[i])}");
                exact++;
            }
        }

        // Most terms have no multi-key map, so most are compared byte for byte.
        Assert.True(exact > count / 2, $"only {exact} terms compared byte for byte");
    }

    [Fact]
    public void Terms_from_erl_in_every_encoding_decode_to_what_erl_prints_and_go_back_equal()
    {
        var corpus = ErlCorpus.Instance;
        Assert.True(corpus.Entries.Count >= 40);
        foreach (var entry in corpus.Entries)
        {
            var term = TermDecoder.Decode(entry.Default);
            var context = $"term #{entry.Index}: {Short(entry.Text)}";
            TermAssert.Equal(term, TermDecoder.Decode(entry.Compressed), context + " (compressed)");
            TermAssert.Equal(term, TermDecoder.Decode(entry.MinorVersion2), context + " (minor_version 2)");
            TermAssert.Equal(term, TermDecoder.Decode(entry.MinorVersion0), context + " (minor_version 0)");
            if (entry.Text.Length > 0)
            {
                // Local pids, ports and refs print with node index 0 in erl and with the node name here.
                var ours = term.ToString().Replace("nonode@nohost.", "0.", StringComparison.Ordinal);
                Assert.True(entry.Text == ours, $"{context}\nerl:  {Short(entry.Text)}\nours: {Short(ours)}");
            }
        }

        // Back to erl: our re-encoding of each decoded term must be =:= to erl's original.
        using var dir = new TempDir();
        FramedFile.Write(dir.File("theirs.bin"), corpus.Entries.Select(e => e.Default));
        FramedFile.Write(dir.File("ours.bin"), corpus.Entries.Select(e => TermEncoder.ToBytes(TermDecoder.Decode(e.Default))));
        FramedFile.Write(dir.File("ours_z.bin"), corpus.Entries.Select(e => TermEncoder.ToCompressedBytes(TermDecoder.Decode(e.Default))));
        ErlRunner.Run(FramedFile.ErlangReader + """
            Theirs = ReadFramed("theirs.bin"),
            Ours = ReadFramed("ours.bin"),
            OursZ = ReadFramed("ours_z.bin"),
            Same = fun(A, B, C) ->
                T = binary_to_term(A),
                case {catch binary_to_term(B), catch binary_to_term(C)} of
                    {T, T} -> "ok";
                    Other -> lists:flatten(io_lib:format("~P", [Other, 12]))
                end
            end,
            Results = lists:zipwith3(Same, Theirs, Ours, OursZ),
            ok = file:write_file("status.txt", lists:join("\n", Results)),
            """, dir.Path);
        var statuses = File.ReadAllText(dir.File("status.txt")).Split('\n');
        Assert.Equal(corpus.Entries.Count, statuses.Length);
        for (var i = 0; i < statuses.Length; i++)
        {
            Assert.True(statuses[i] == "ok", $"term #{i}: {Short(corpus.Entries[i].Text)}\nerl says: {statuses[i]}");
        }
    }

    [Fact]
    public void Real_pids_refs_ports_and_funs_from_erl_have_the_fields_erl_reports()
    {
        var corpus = ErlCorpus.Instance;
        var pid = Assert.IsType<ErlangPid>(TermDecoder.Decode(corpus.Default("self")));
        Assert.Equal(ErlangAtom.NoNode, pid.Node);
        Assert.Equal(corpus.Entry("self").Text, $"<0.{pid.Id}.{pid.Serial}>");

        var r = Assert.IsType<ErlangRef>(TermDecoder.Decode(corpus.Default("make_ref")));
        Assert.Equal(3, r.Ids.Length);

        var closure = Assert.IsType<ErlangFun>(TermDecoder.Decode(corpus.Default("closure")));
        Assert.Equal("erl_eval", closure.Module.Name);
        Assert.Equal(1, closure.Arity);

        var export = Assert.IsType<ErlangExport>(TermDecoder.Decode(corpus.Default("export")));
        Assert.Equal("fun lists:seq/2", export.ToString());

        var big = Assert.IsType<ErlangBinary>(TermDecoder.Decode(corpus.Default("big_binary")));
        Assert.True(big.Length > 1024 * 1024);
        Assert.True(corpus.Entry("big_binary").Compressed.Length < 100_000);
        TermAssert.Equal(big, TermDecoder.Decode(corpus.Entry("big_binary").Compressed));

        var memory = Assert.IsType<ErlangList>(TermDecoder.Decode(corpus.Default("memory")));
        Assert.All(memory, item => Assert.True(item is ErlangTuple { Arity: 2 } t && t[0] is ErlangAtom && t[1] is ErlangInteger));
        Assert.Contains(memory, item => ((ErlangTuple)item)[0].IsAtom("total"));
    }

    private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static string Hex(byte[] b) => Convert.ToHexString(b.AsSpan(0, Math.Min(b.Length, 200)));
}
