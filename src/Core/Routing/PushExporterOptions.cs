using Gateway.Core.Outbox;

namespace Gateway.Core.Routing;

/// <summary>
/// The keys every push exporter takes beside its own (<c>exporters.&lt;name&gt;.…</c>); an exporter's
/// options class derives from it. Bound and validated by
/// <see cref="PushExporterServiceCollectionExtensions.AddPushExporter{TExporter, TOptions}(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Microsoft.Extensions.Configuration.IConfiguration, Func{IServiceProvider, TOptions, TExporter}, Action{PushExporterSetup{TOptions}}?)"/>.
/// Every key and its default: <c>src/Core/Routing/README.md</c>.
/// </summary>
public class PushExporterOptions
{
    /// <summary><c>false</c> registers nothing (no outbox), keeping the rest of the section.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Only alarm events at or above: critical, major, minor, warning, indeterminate; null = all (see <see cref="EventFilter"/>).</summary>
    public string? MinSeverity { get; set; }

    /// <summary>Which kinds of events (<see cref="EventVocabulary"/>); null or empty = all the exporter can send.</summary>
    public List<string>? Events { get; set; }

    /// <summary>Globs on the node name (<c>mim*@*</c>); null or empty = every node.</summary>
    public List<string>? Nodes { get; set; }

    /// <summary>Node groups; null or empty = every event, with or without a group.</summary>
    public List<string>? Groups { get; set; }

    /// <summary>This exporter's outbox: the global <c>outbox:</c> section, overridden by the keys given here.</summary>
    public OutboxOptions Outbox { get; set; } = new();
}
