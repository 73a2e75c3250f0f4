namespace Gateway.Exporters.Snmp;

/// <summary>Token bucket per destination: <see cref="Rate"/> notifications per second, bursts up to <see cref="Burst"/>.</summary>
public sealed class SnmpRateLimitOptions
{
    /// <summary>Sustained notifications per second. Default 100.</summary>
    public double Rate { get; set; } = 100;

    /// <summary>Notifications that may go at once after a quiet spell. Default 200.</summary>
    public int Burst { get; set; } = 200;
}
