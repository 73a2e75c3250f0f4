using Gateway.Core.Export;
using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Kafka;

public static class KafkaExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Kafka exporter bound to <paramref name="section"/> (<c>exporters:kafka</c>) through the
    /// exporter kit: validated on start (<see cref="KafkaExporterOptionsValidator"/>), one producer with its
    /// own outbox, subscribed to the metric stream when <c>topics.metrics</c> is set. A missing section (or
    /// <c>enabled: false</c>) registers nothing. Needs <c>AddGatewayOutbox</c>.
    /// </summary>
    public static IServiceCollection AddKafkaExporter(this IServiceCollection services, IConfiguration section) =>
        services.AddPushExporter<IEventExporter, KafkaExporterOptions>(
            "kafka",
            section,
            (sp, options) =>
            {
                var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
                var exporter = new KafkaExporter(options, time, sp.GetRequiredService<ILogger<KafkaExporter>>());
                return options.Topics.Metrics is null ? exporter : new KafkaStreamingExporter(exporter, time);
            },
            kit => kit.Validator = new KafkaExporterOptionsValidator());
}
