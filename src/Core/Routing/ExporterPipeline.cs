using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Gateway.Core.Streaming;

namespace Gateway.Core.Routing;

/// <summary>One push exporter with its routing filters, its own outbox and delivery loop, and its metric stream when it has one.</summary>
public sealed class ExporterPipeline
{
    public ExporterPipeline(IEventExporter exporter, EventOutbox outbox, OutboxDelivery delivery, EventFilter? filter = null, MetricSubscription? metrics = null)
    {
        Exporter = exporter;
        Outbox = outbox;
        Delivery = delivery;
        Filter = filter ?? EventFilter.All;
        Metrics = metrics;
    }

    public IEventExporter Exporter { get; }

    public EventOutbox Outbox { get; }

    public OutboxDelivery Delivery { get; }

    /// <summary>The exporter's configured filters (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>).</summary>
    public EventFilter Filter { get; }

    /// <summary>Its queue of node snapshots, when the exporter is an <see cref="IMetricStreamExporter"/>.</summary>
    public MetricSubscription? Metrics { get; }

    public OutboxStatistics Statistics => Outbox.Statistics;

    /// <summary>Whether <paramref name="e"/> goes into this outbox: the filters let it through and the exporter can send it.</summary>
    public bool Accepts(GatewayEvent e) => Filter.Accepts(e) && Exporter.Accepts(e);
}
