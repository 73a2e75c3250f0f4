using Gateway.Core.Configuration;
using Gateway.Core.Export;
using Gateway.Core.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>
/// The exporter kit's one registration call. For an exporter named <c>kafka</c> bound to
/// <c>exporters:kafka</c> it: binds <typeparamref name="TOptions"/> (its <c>outbox:</c> starting from the
/// global <c>outbox:</c>); validates it on start (the exporter's validator, then the common keys, every
/// error with its YAML path); builds the exporter(s) from the validated options; gives each instance its
/// outbox, delivery loop and routing filters (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>,
/// <c>groups</c>), its metric stream when it is an <see cref="IMetricStreamExporter"/>, and its
/// self-metrics. Needs <see cref="RoutingServiceCollectionExtensions.AddGatewayOutbox(IServiceCollection, IConfiguration, Func{IServiceProvider, string}, string)"/>.
/// </summary>
public static class PushExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers a push exporter with one instance. Nothing but its <see cref="PushExporterDescriptor"/> is
    /// registered when its section is absent (unless <see cref="PushExporterSetup{TOptions}.OnByDefault"/>)
    /// or says <c>enabled: false</c>.
    /// </summary>
    /// <param name="name">Its key under <c>exporters:</c> (<c>kafka</c>).</param>
    /// <param name="section">Its configuration section (<c>configuration.GetSection("exporters:kafka")</c>).</param>
    /// <param name="factory">Builds the exporter from the services and its validated options.</param>
    /// <param name="setup">Its own validator, its <c>events</c> names, whether it is on by default.</param>
    public static IServiceCollection AddPushExporter<TExporter, TOptions>(
        this IServiceCollection services,
        string name,
        IConfiguration section,
        Func<IServiceProvider, TOptions, TExporter> factory,
        Action<PushExporterSetup<TOptions>>? setup = null)
        where TExporter : class, IEventExporter
        where TOptions : PushExporterOptions, new() =>
        services.AddPushExporter(name, section, (sp, options) => [new PushDestination(factory(sp, options))], setup);

    /// <summary>
    /// Registers a push exporter with one instance per destination (SNMP: one per NMS), each with its own
    /// outbox; <paramref name="destinations"/> builds them from the validated options.
    /// </summary>
    public static IServiceCollection AddPushExporter<TOptions>(
        this IServiceCollection services,
        string name,
        IConfiguration section,
        Func<IServiceProvider, TOptions, IEnumerable<PushDestination>> destinations,
        Action<PushExporterSetup<TOptions>>? setup = null)
        where TOptions : PushExporterOptions, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var sectionPath = section is IConfigurationSection s ? s.Path : "exporters:" + name;
        services.AddSingleton(new PushExporterDescriptor(name, sectionPath, typeof(TOptions)));
        var kit = new PushExporterSetup<TOptions>();
        setup?.Invoke(kit);
        if (!IsOn(section, kit.OnByDefault))
        {
            return services;
        }

        DurationConverter.Register();
        var yamlPath = YamlPath.FromConfigKey(sectionPath);
        services.AddOptions<TOptions>()
            .Configure<IServiceProvider>((options, sp) => options.Outbox = sp.GetService<OutboxDefaults>()?.Create() ?? new())
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(sp =>
            new PushExporterOptionsValidator<TOptions>(yamlPath, kit.Events, kit.Validator, section, sp.GetService<OutboxDefaults>()));
        var events = kit.Events;
        services.AddSingleton(new EventExporterRegistration((sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            var filter = EventFilter.From(options, events);
            var queue = (options as StreamingExporterOptions)?.MetricQueue;
            return destinations(sp, options).Select(d =>
            {
                var outbox = options.Outbox.Clone();
                d.ConfigureOutbox?.Invoke(outbox);
                return new PipelineDefinition(d.Exporter, outbox, filter, OwnsExporter: true, queue);
            }).ToArray();
        }));
        return services;
    }

    /// <summary>Every push exporter registered so far (configured or not), for the host's configuration check.</summary>
    public static IEnumerable<PushExporterDescriptor> PushExporters(this IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(PushExporterDescriptor) && d.ImplementationInstance is PushExporterDescriptor)
            .Select(d => (PushExporterDescriptor)d.ImplementationInstance!);

    /// <summary>
    /// Whether an exporter with this section is registered: the section has keys (or the exporter is on
    /// by default) and does not say <c>enabled: false</c>. For an exporter that registers more than its
    /// pipelines (SNMP's agent) and must agree with the kit.
    /// </summary>
    // Read leniently: a value that is not a boolean keeps the exporter on, and the validation says why.
    public static bool IsOn(IConfiguration section, bool onByDefault = false) =>
        (onByDefault || section.GetChildren().Any())
        && !(bool.TryParse(section["enabled"], out var enabled) && !enabled);
}
