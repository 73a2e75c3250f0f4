using Gateway.Erlang.Tests.Fixtures;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Options;
using Gateway.Erlang.Node;

namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>
/// One EPMD, one shared node, one <see cref="BeamSource"/> (agent on, logs to <see cref="Router"/>) and
/// a separate hidden node of the test's own (<see cref="Eval"/>) to act on the nodes. All stopped on dispose.
/// </summary>
public sealed class BeamTestbed : ErlangTestbed
{
    private LocalNode? eval;
    private BeamSource? source;

    public RecordingRouter Router { get; } = new();

    public BeamOptions Options { get; private set; } = new();

    public BeamSource Source => source ?? throw new InvalidOperationException("The testbed is not started.");

    /// <summary>The test's own hidden node, for erl_eval on the watched nodes.</summary>
    public LocalNode Eval => eval ?? throw new InvalidOperationException("The testbed is not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Options = BeamTestSources.Options(this);
        source = BeamTestSources.Create(Options, Router);
        eval = new LocalNode(new LocalNodeOptions
        {
            NodeName = ErlangNodeOptions.UniqueName("eval") + "@localhost",
            Cookie = "testcookie",
            EpmdPort = Epmd.Port,
        });
    }

    public override async Task DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
        if (eval is not null)
        {
            await eval.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
