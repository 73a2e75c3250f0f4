namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>
/// An xunit class/collection fixture: one private EPMD and one OTP node shared by a test class, plus
/// <see cref="StartNodeAsync"/> for tests that need a node of their own (to kill, freeze or restart).
/// Every process it started is killed on dispose, whatever the tests did.
/// </summary>
public class ErlangTestbed : IAsyncLifetime
{
    private readonly List<ErlangNode> extraNodes = [];
    private readonly Lock gate = new();
    private EpmdProcess? epmd;
    private ErlangNode? node;

    public EpmdProcess Epmd => epmd ?? throw new InvalidOperationException("The testbed is not started.");

    /// <summary>The shared node (default net_ticktime, short name @localhost, cookie testcookie).</summary>
    public ErlangNode Node => node ?? throw new InvalidOperationException("The testbed is not started.");

    /// <summary>Options of the shared node; override to change them.</summary>
    protected virtual ErlangNodeOptions SharedNodeOptions => new();

    /// <summary>False for testbeds whose tests only start nodes of their own.</summary>
    protected virtual bool StartsSharedNode => true;

    public virtual async Task InitializeAsync()
    {
        epmd = await EpmdProcess.StartAsync();
        if (StartsSharedNode)
        {
            node = await ErlangNode.StartAsync(epmd, SharedNodeOptions);
        }
    }

    /// <summary>Starts another node on this testbed's EPMD; it is killed with the testbed.</summary>
    public async Task<ErlangNode> StartNodeAsync(ErlangNodeOptions? options = null)
    {
        var started = await ErlangNode.StartAsync(Epmd, options);
        lock (gate)
        {
            extraNodes.Add(started);
        }

        return started;
    }

    public virtual async Task DisposeAsync()
    {
        List<ErlangNode> nodes;
        lock (gate)
        {
            nodes = [.. extraNodes];
            extraNodes.Clear();
        }

        foreach (var extra in nodes)
        {
            await extra.DisposeAsync();
        }

        if (node is not null)
        {
            await node.DisposeAsync();
        }

        if (epmd is not null)
        {
            await epmd.DisposeAsync();
        }
    }
}
