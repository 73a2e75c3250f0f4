using System.Collections;

namespace Gateway.Saas.Datadog;

/// <summary>
/// <c>exporters.datadog.metrics:</c> — which series go to Datadog, by glob on the series name
/// (<c>*</c> any run, <c>?</c> one character): <c>{ include: [ "erlang_vm_*" ], exclude: [ … ] }</c>, or
/// the short form of ARCHITECTURE.md, a plain list of include patterns (<c>metrics: [ "erlang_vm_*" ]</c>),
/// which the registration reads into <see cref="Include"/>. Nothing is sent when no pattern is included.
/// </summary>
/// <remarks>
/// Enumerable (its include patterns) so that the host's unknown-key check, which walks options types,
/// takes the list form as a list; this exporter's validator checks the keys under <c>metrics</c> itself.
/// </remarks>
public sealed class DatadogMetricsOptions : IEnumerable<string>
{
    /// <summary>Series names to send (globs).</summary>
    public List<string> Include { get; set; } = [];

    /// <summary>Series names not to send even when included (globs).</summary>
    public List<string> Exclude { get; set; } = [];

    public IEnumerator<string> GetEnumerator() => Include.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
