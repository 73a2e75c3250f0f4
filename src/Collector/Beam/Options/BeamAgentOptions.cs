namespace Gateway.Collector.Beam.Options;

/// <summary>
/// <c>collect.beam.agentOptions</c>: what the on-node agent collects each cycle and how much log
/// traffic it may forward. Every key is optional; the defaults are the agent's own. Ignored with
/// <c>collect.beam.agent: false</c> (plain BIF RPCs collect none of these extras).
/// </summary>
public sealed class BeamAgentOptions
{
    /// <summary>
    /// On a node without the compiler application (common in production releases), load the agent as
    /// compiled by OTP 25 and shipped with the gateway (default true; it loads on OTP 25 and later).
    /// Off: such a node gets a beam another node of its release compiled, or is collected agentless.
    /// </summary>
    public bool Precompiled { get; set; } = true;

    /// <summary>Processes whose message queue is read per cycle (default 100,000; 0 skips the scan and <c>erlang:processes/0</c>).</summary>
    public int MaxProcesses { get; set; } = 100_000;

    /// <summary>Longest message queues reported per node (default 10, 1–100).</summary>
    public int TopN { get; set; } = 10;

    /// <summary>Per-allocator carriers and blocks, <c>erlang_vm_allocators</c> (default true; ~290 series on a 2-scheduler node).</summary>
    public bool Allocators { get; set; } = true;

    /// <summary>Distribution link statistics, <c>erlang_vm_dist_*</c> (default true).</summary>
    public bool Dist { get; set; } = true;

    /// <summary>The node's OS process figures from <c>/proc/self</c> on Linux, <c>process_*</c> (default true).</summary>
    public bool OsProcess { get; set; } = true;

    /// <summary>mnesia figures when mnesia runs (default true).</summary>
    public bool Mnesia { get; set; } = true;

    /// <summary>Microstate accounting per thread, <c>erlang_vm_msacc_*</c>, when the node has it switched on (default true; never switches it on).</summary>
    public bool Msacc { get; set; } = true;

    /// <summary>Module clashes on the code path and modules with old code (default true; the module_clash and old_code alarms need it).</summary>
    public bool Code { get; set; } = true;

    /// <summary>Bound on the agent's calls into application_controller and mnesia (default 1s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Forwarded logger events per second per node; more are dropped and counted on the node (default 500).</summary>
    public int LogsPerSecond { get; set; } = 500;

    /// <summary>A forwarded event's formatted text is cut to this many bytes (default 8192).</summary>
    public int LogMaxBytes { get; set; } = 8192;
}
