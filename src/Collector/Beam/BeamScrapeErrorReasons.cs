namespace Gateway.Collector.Beam;

/// <summary>
/// The BEAM source's failure reasons beside <see cref="ScrapeErrorReasons.Connection"/> and
/// <see cref="ScrapeErrorReasons.Timeout"/> (same role: the <c>reason</c> label and <c>lastErrorReason</c>).
/// </summary>
public static class BeamScrapeErrorReasons
{
    /// <summary>The node rejected our cookie, or no cookie is configured.</summary>
    public const string Auth = "auth";

    /// <summary>An RPC failed on the node (<c>{badrpc, Reason}</c>).</summary>
    public const string Rpc = "rpc";

    /// <summary>The agent could not be compiled or loaded on the node.</summary>
    public const string Agent = "agent";
}
