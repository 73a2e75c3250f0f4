using Gateway.Erlang.Node;

namespace Gateway.Collector.Beam;

/// <summary>
/// One hidden node of ours (a <see cref="LocalNode"/>) with the <c>gateway_logs</c> mailbox the agents
/// forward to, and the loop that drains it into <see cref="BeamEventForwarder"/>. The gateway has one
/// per cookie and naming mode (short or long names), shared by all nodes that use them.
/// </summary>
internal sealed class BeamHiddenNode : IAsyncDisposable
{
    public const string MailboxName = "gateway_logs";

    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public BeamHiddenNode(LocalNode node, BeamEventForwarder forwarder, Action<Exception> onLoopError)
    {
        Node = node;
        Mailbox = node.CreateMailbox(MailboxName, capacity: 10_000);
        loop = Task.Run(() => DrainAsync(forwarder, onLoopError, stopping.Token));
    }

    public LocalNode Node { get; }

    public Mailbox Mailbox { get; }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        Mailbox.Dispose();
        await Node.DisposeAsync();
        stopping.Dispose();
    }

    private async Task DrainAsync(BeamEventForwarder forwarder, Action<Exception> onLoopError, CancellationToken cancellationToken)
    {
        await foreach (var message in Mailbox.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await forwarder.HandleAsync(message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One event that cannot be routed must not stop the forwarding of the next.
            catch (Exception e)
#pragma warning restore CA1031
            {
                onLoopError(e);
            }
        }
    }
}
