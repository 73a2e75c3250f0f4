using Gateway.Core.Export;
using Gateway.Core.Outbox;

namespace Gateway.Core.Routing;

/// <summary>One push exporter with its own outbox and delivery loop.</summary>
public sealed class ExporterPipeline
{
    public ExporterPipeline(IEventExporter exporter, EventOutbox outbox, OutboxDelivery delivery)
    {
        Exporter = exporter;
        Outbox = outbox;
        Delivery = delivery;
    }

    public IEventExporter Exporter { get; }

    public EventOutbox Outbox { get; }

    public OutboxDelivery Delivery { get; }

    public OutboxStatistics Statistics => Outbox.Statistics;
}
