namespace Gateway.Exporters.Snmp;

/// <summary>A v3 user of the agent (<c>exporters.snmp.agent.users[i]</c>).</summary>
public sealed class SnmpUserOptions
{
    /// <summary>USM user name (≤ 32 bytes).</summary>
    public string? Name { get; set; }

    public SnmpSecretOptions? Auth { get; set; }

    public SnmpSecretOptions? Priv { get; set; }

    public override string ToString() => $"user {Name}";
}
