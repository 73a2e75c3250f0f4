namespace Gateway.Snmp.Mib;

/// <summary>The GATEWAY-MIB module text (mibs/GATEWAY-MIB.mib), embedded in the assembly.</summary>
public static class GatewayMib
{
    public const string ModuleName = "GATEWAY-MIB";

    private static readonly Lazy<string> LazyText = new(Load);

    public static string Text => LazyText.Value;

    private static string Load()
    {
        using var stream = typeof(GatewayMib).Assembly.GetManifestResourceStream("Gateway.Snmp.GATEWAY-MIB.mib")
            ?? throw new InvalidOperationException("GATEWAY-MIB resource missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
