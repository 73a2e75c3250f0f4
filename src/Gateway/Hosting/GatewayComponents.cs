using Gateway.Configuration;

namespace Gateway.Hosting;

/// <summary>Registers the collector, the rules and the exporters; maps their endpoints.</summary>
internal static class GatewayComponents
{
    public static void Register(IServiceCollection services, IConfiguration configuration, LoadedConfiguration loaded, OptionsSections sections)
    {
    }

    public static void Map(WebApplication app)
    {
    }
}
