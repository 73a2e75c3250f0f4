namespace Gateway.Saas.Opsgenie;

/// <summary>Opsgenie's documented field limits (Alert API, "Create Alert").</summary>
public static class OpsgenieLimits
{
    public const int Message = 130;
    public const int Alias = 512;
    public const int Description = 15_000;
    public const int Entity = 512;
    public const int Source = 100;
    public const int User = 100;
    public const int Note = 25_000;
    public const int Tags = 20;
    public const int Tag = 50;
    public const int Responders = 50;

    /// <summary>All of <c>details</c> (keys and values) together.</summary>
    public const int Details = 8_000;
}
