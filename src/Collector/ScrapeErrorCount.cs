using Gateway.Core.Nodes;

namespace Gateway.Collector;

/// <summary>One series of <c>gateway_scrape_errors_total{job,instance,reason}</c>.</summary>
public readonly record struct ScrapeErrorCount(NodeKey Node, string Reason, long Count);
