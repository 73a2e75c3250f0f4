using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>The <c>job</c>/<c>instance</c> pair the gateway's own series carry, pre-encoded.</summary>
internal sealed class GatewayIdentity
{
    public GatewayIdentity(string job, string instance)
    {
        Job = job;
        Instance = instance;
        Labels = SeriesLabels.ForGateway(job, instance);
        InstancePair = Encode("instance", instance);
        JobPair = Encode("job", job);
    }

    public string Job { get; }

    public string Instance { get; }

    public SeriesLabels Labels { get; }

    /// <summary><c>instance="…"</c> as UTF-8.</summary>
    public byte[] InstancePair { get; }

    /// <summary><c>job="…"</c> as UTF-8.</summary>
    public byte[] JobPair { get; }

    private static byte[] Encode(string name, string value)
    {
        using var buffer = new PooledBufferWriter(256);
        ExpositionText.WriteLabelPair(buffer, name, value);
        return buffer.WrittenSpan.ToArray();
    }
}
