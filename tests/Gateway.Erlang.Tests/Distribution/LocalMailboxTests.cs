using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>Mailboxes on our own node: no peer needed.</summary>
public sealed class LocalMailboxTests
{
    private static LocalNode Create() => new(new LocalNodeOptions { NodeName = "gw@localhost", Cookie = "testcookie" });

    [Fact]
    public async Task Send_to_our_own_pid_and_name_is_delivered_locally()
    {
        await using var local = Create();
        using var mailbox = local.CreateMailbox("inbox");

        await local.SendAsync(mailbox.Pid, ErlangInteger.Of(1));
        await local.SendAsync("inbox", "gw@localhost", ErlangInteger.Of(2));

        Assert.Equal(ErlangInteger.Of(1), await mailbox.ReceiveAsync());
        Assert.Equal(ErlangInteger.Of(2), await mailbox.ReceiveAsync());
        Assert.Equal(local.Name, mailbox.Pid.Node);
        Assert.Equal(local.Creation, mailbox.Pid.Creation);
    }

    [Fact]
    public async Task Bounded_mailbox_drops_the_oldest_and_counts_it()
    {
        await using var local = Create();
        using var mailbox = local.CreateMailbox(capacity: 2);

        for (var i = 1; i <= 5; i++)
        {
            await local.SendAsync(mailbox.Pid, ErlangInteger.Of(i));
        }

        Assert.Equal(3, mailbox.DroppedCount);
        Assert.Equal(ErlangInteger.Of(4), await mailbox.ReceiveAsync());
        Assert.Equal(ErlangInteger.Of(5), await mailbox.ReceiveAsync());
    }

    [Fact]
    public async Task Registered_name_is_unique_until_the_mailbox_is_disposed()
    {
        await using var local = Create();
        var first = local.CreateMailbox("gateway_logs");

        Assert.Throws<InvalidOperationException>(() => local.CreateMailbox("gateway_logs"));
        first.Dispose();
        using var second = local.CreateMailbox("gateway_logs");

        Assert.False(first.Reader.TryRead(out _));
        Assert.True(first.Reader.Completion.IsCompleted);
        Assert.Equal(ErlangAtom.Of("gateway_logs"), second.RegisteredName);
    }

    [Fact]
    public async Task References_are_unique_and_carry_our_node_and_creation()
    {
        await using var local = Create();

        var refs = Enumerable.Range(0, 1000).Select(_ => local.MakeRef()).ToHashSet();

        Assert.Equal(1000, refs.Count);
        Assert.All(refs, r => Assert.Equal(local.Creation, r.Creation));
    }

    [Fact]
    public async Task Disposed_node_refuses_new_work_and_completes_its_mailboxes()
    {
        var local = Create();
        var mailbox = local.CreateMailbox();

        await local.DisposeAsync();

        Assert.True(mailbox.Reader.Completion.IsCompleted);
        Assert.Throws<ObjectDisposedException>(() => local.CreateMailbox());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => local.ConnectAsync("n1@localhost"));
    }
}
