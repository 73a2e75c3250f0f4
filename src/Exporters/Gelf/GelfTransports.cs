namespace Gateway.Exporters.Gelf;

/// <summary>Builds the transport a (validated) endpoint names.</summary>
public static class GelfTransports
{
    public static IGelfTransport Create(IGelfTransportOptions options, TimeProvider time)
    {
        var endpoint = GelfEndpoint.Parse(options.Endpoint);
        var compression = GelfTransportOptionsValidation.EffectiveCompression(options, endpoint);
        return endpoint.Kind switch
        {
            GelfTransportKind.Udp => new GelfUdpTransport(endpoint, compression, options.ChunkSize),
            GelfTransportKind.Http => new GelfHttpTransport(endpoint, compression, options, time),
            _ => new GelfTcpTransport(endpoint, options.ConnectTimeout, options.MaxMessageBytes, options.Tls),
        };
    }
}
