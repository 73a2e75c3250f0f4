namespace Gateway.Collector.Beam;

/// <summary>What <see cref="BeamSource"/> remembers about one watched node between collections.</summary>
internal sealed class BeamNodeState
{
    /// <summary>The agent version known to be loaded; null = ask the node.</summary>
    public int? AgentVersion { get; set; }

    /// <summary>The logger/alarm forwarder is installed pointing at us.</summary>
    public bool ForwarderInstalled { get; set; }

    /// <summary>The last <c>install/2</c> answered <c>logger => ok</c>: a later reply without the handler means it was lost, not refused.</summary>
    public bool ForwarderClean { get; set; }

    /// <summary>The forwarder was installed again after a reply without it; reset by a reply that has it.</summary>
    public bool ForwarderReinstalled { get; set; }

    /// <summary>Why the agent cannot run on this node (agentless from then on), or null.</summary>
    public string? AgentUnavailable { get; set; }

    /// <summary><see cref="BeamAgentLoader.CompiledReleases"/> when the agent was found unavailable: once another node compiled a beam, try again.</summary>
    public int UnavailableAtCompiledReleases { get; set; }

    /// <summary>The group (and so cookie) the node was last scraped with.</summary>
    public string? Group { get; set; }

    /// <summary>Forget everything the node held: after a NodeDown it may come back as a fresh VM.</summary>
    public void Reset()
    {
        AgentVersion = null;
        ForwarderInstalled = false;
        ForwarderClean = false;
        ForwarderReinstalled = false;
        AgentUnavailable = null;
    }
}
