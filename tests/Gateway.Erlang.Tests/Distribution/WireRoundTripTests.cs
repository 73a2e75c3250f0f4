using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Erlang.Tests.Terms;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>
/// Property tests over a real connection: random terms go to the node as RPC arguments (our encoder,
/// the node's decoder), come back as results (the node's encoder, our decoder), and are re-encoded by
/// the node itself with term_to_binary, plain and compressed.
/// </summary>
public sealed class WireRoundTripTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>, IAsyncLifetime
{
    private const int Samples = 150;
    private LocalNode local = null!;

    private string Peer => testbed.Node.Name;

    public Task InitializeAsync()
    {
        local = TestNodes.Create(testbed);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await local.DisposeAsync();

    [Fact]
    public async Task Random_terms_come_back_unchanged_from_an_identity_call()
    {
        var generator = new RandomTermGenerator(seed: 2501, printable: true);
        for (var i = 0; i < Samples; i++)
        {
            var term = generator.Next();

            var echoed = await CallAsync("erlang", "hd", ErlangTerm.List(term));

            TermAssert.Equal(term, echoed, $"sample {i}");
        }
    }

    [Fact]
    public async Task Node_encoding_of_random_terms_decodes_to_the_same_term()
    {
        var generator = new RandomTermGenerator(seed: 2502, printable: true);
        var compressed = ErlangTerm.List(ErlangAtom.Of("compressed"));
        for (var i = 0; i < Samples; i++)
        {
            var term = generator.Next();

            var plain = (ErlangBinary)await CallAsync("erlang", "term_to_binary", term);
            var packed = (ErlangBinary)await CallAsync("erlang", "term_to_binary", term, compressed);

            TermAssert.Equal(term, TermDecoder.Decode(plain.Span), $"sample {i}");
            TermAssert.Equal(term, TermDecoder.Decode(packed.Span), $"sample {i} compressed");
        }
    }

    [Fact]
    public async Task Our_encoding_of_random_terms_is_what_binary_to_term_reads()
    {
        var generator = new RandomTermGenerator(seed: 2503, printable: true);
        var check = await local.ParseAsync(Peer, "T =:= binary_to_term(B).");
        for (var i = 0; i < Samples / 3; i++)
        {
            var term = generator.Next();
            var bytes = new ErlangBinary(TermEncoder.ToBytes(term));

            // All on the node: the term it got as an argument against what it decodes from our bytes.
            var same = await local.EvalParsedAsync(Peer, check, ("T", term), ("B", bytes));

            Assert.True(ErlangAtom.True.Equals(same), $"sample {i}: {term}");
        }
    }

    [Fact]
    public async Task Our_pids_and_refs_belong_to_our_node_on_the_other_side()
    {
        using var mailbox = local.CreateMailbox();
        var reference = local.MakeRef();

        Assert.Equal(local.Name, await CallAsync("erlang", "node", mailbox.Pid));
        Assert.Equal(local.Name, await CallAsync("erlang", "node", reference));
        Assert.Equal(mailbox.Pid, await CallAsync("erlang", "hd", ErlangTerm.List(mailbox.Pid)));
        Assert.Equal(reference, await CallAsync("erlang", "hd", ErlangTerm.List(reference)));
    }

    private Task<ErlangTerm> CallAsync(string module, string function, params ErlangTerm[] args) =>
        local.RpcAsync(Peer, module, function, args, TestNodes.RpcTimeout);
}
