using Gateway.Erlang.Epmd;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;

namespace Gateway.Erlang.Server;

/// <summary>
/// A node that exists only in this process: a <see cref="DistributionListener"/> registered with an
/// EPMD under its name, so Erlang nodes and <c>LocalNode</c>s find it and <c>rpc:call</c> it like any
/// other node. Used to test and load-test the gateway without running thousands of BEAM VMs.
/// </summary>
public sealed class SimulatedNode : IAsyncDisposable
{
    private readonly DistributionListener listener;
    private readonly EpmdRegistration registration;

    private SimulatedNode(DistributionListener listener, EpmdRegistration registration)
    {
        this.listener = listener;
        this.registration = registration;
    }

    /// <summary>The full node name.</summary>
    public string NodeName => listener.NodeName;

    /// <summary>The distribution port.</summary>
    public int Port => listener.Port;

    /// <summary>The creation EPMD assigned.</summary>
    public uint Creation => registration.Creation;

    /// <summary>The listener, for its connections and counters.</summary>
    public DistributionListener Listener => listener;

    /// <summary>Binds a port, registers the name with EPMD and starts accepting.</summary>
    /// <param name="options">Name, cookie and listening address.</param>
    /// <param name="epmdHost">The EPMD to register with (normally the local one).</param>
    /// <param name="epmdPort">Its port.</param>
    /// <param name="handler">Answers each RPC.</param>
    /// <param name="timeProvider">Clock for ticks.</param>
    /// <param name="logger">Where connection problems are logged.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    /// <exception cref="EpmdException">EPMD is unreachable or the name is taken.</exception>
    public static async Task<SimulatedNode> StartAsync(
        DistributionListenerOptions options,
        string epmdHost,
        int epmdPort,
        Func<ErlangAtom, ErlangAtom, IReadOnlyList<ErlangTerm>, ErlangTerm> handler,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        var listener = new DistributionListener(options, handler, timeProvider, logger);
        try
        {
            var alive = options.NodeName[..options.NodeName.IndexOf('@', StringComparison.Ordinal)];
            var registration = await EpmdRegistration.RegisterAsync(epmdHost, epmdPort, alive, listener.Port, EpmdNodeType.Normal, cancellationToken);
            listener.Start(registration.Creation);
            return new SimulatedNode(listener, registration);
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
    }

    /// <summary>Unregisters (closes the EPMD connection) and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await registration.DisposeAsync();
        await listener.DisposeAsync();
    }
}
