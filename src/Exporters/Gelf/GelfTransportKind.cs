namespace Gateway.Exporters.Gelf;

/// <summary>The scheme of a GELF endpoint.</summary>
public enum GelfTransportKind
{
    Udp,
    Tcp,
    Tls,
    Http,
}
