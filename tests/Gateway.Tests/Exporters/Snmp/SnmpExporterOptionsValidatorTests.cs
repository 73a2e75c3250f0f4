using Gateway.Core.Routing;
using Gateway.Exporters.Snmp;

namespace Gateway.Tests.Exporters.Snmp;

public sealed class SnmpExporterOptionsValidatorTests
{
    private static IEnumerable<string> Errors(SnmpExporterOptions options)
    {
        // As registered: SNMP's own keys, then the kit's common keys (minSeverity, events with SNMP's names …).
        var result = new PushExporterOptionsValidator<SnmpExporterOptions>(SnmpExporterOptions.YamlPath, SnmpEventKindNames.Vocabulary, new SnmpExporterOptionsValidator())
            .Validate(null, options);
        return result.Succeeded ? [] : result.Failures!;
    }

    private static SnmpDestinationOptions V3() => SnmpTestEvents.Destination("nms.example:162", "v3", inform: true);

    [Fact]
    public void The_architecture_example_is_valid()
    {
        var options = new SnmpExporterOptions
        {
            Destinations =
            [
                new SnmpDestinationOptions { Address = "127.0.0.1:162", Version = "v2c", Community = "public", Inform = false },
                V3(),
            ],
            Agent = new SnmpAgentEndpointOptions { Listen = "127.0.0.1:1161", Community = "public" },
            MinSeverity = "major",
            Events = ["alarms", "nodes"],
            EngineId = "0x8001869F04676174657761792D31",
        };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void An_unknown_auth_protocol_is_reported_with_its_path_and_the_allowed_names()
    {
        var bad = V3();
        bad.Auth!.Protocol = "SHA999";
        var options = new SnmpExporterOptions { Destinations = [new SnmpDestinationOptions { Address = "127.0.0.1:162" }, bad] };

        Assert.Equal(["exporters.snmp.destinations[1].auth.protocol: \"SHA999\" is not one of MD5, SHA, SHA224, SHA256, SHA384, SHA512"], Errors(options));
    }

    [Fact]
    public void Short_passphrases_are_reported_without_showing_them()
    {
        var bad = V3();
        bad.Auth!.Passphrase = "secret1";
        bad.Priv!.Passphrase = "secret2";
        var errors = Errors(new SnmpExporterOptions { Destinations = [bad] }).ToArray();

        Assert.Equal(
            [
                "exporters.snmp.destinations[0].auth.passphrase: must be at least 8 characters (RFC 3414)",
                "exporters.snmp.destinations[0].priv.passphrase: must be at least 8 characters (RFC 3414)",
            ],
            errors);
        Assert.DoesNotContain(errors, e => e.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void V3_needs_a_user_and_priv_needs_auth()
    {
        var bad = V3();
        bad.User = null;
        bad.Auth = null;
        bad.Priv!.Protocol = "DES";

        Assert.Equal(
            [
                "exporters.snmp.destinations[0].user: v3 needs a user",
                "exporters.snmp.destinations[0].priv: privacy needs auth as well (authPriv)",
                "exporters.snmp.destinations[0].priv.protocol: \"DES\" is not one of AES128, AES192, AES256, AES192C, AES256C",
            ],
            Errors(new SnmpExporterOptions { Destinations = [bad] }));
    }

    [Fact]
    public void Destination_fields_are_checked_one_by_one()
    {
        var options = new SnmpExporterOptions
        {
            Destinations =
            [
                new SnmpDestinationOptions { Address = "nms:99999" },
                new SnmpDestinationOptions { Address = "127.0.0.1", Version = "v4" },
                new SnmpDestinationOptions { Address = "127.0.0.1", Version = "v1", Inform = true, Community = "" },
                new SnmpDestinationOptions { Timeout = TimeSpan.Zero, Retries = 11, TrapRateLimit = new() { Rate = 0, Burst = 0 } },
            ],
        };

        Assert.Equal(
            [
                "exporters.snmp.destinations[0].address: \"nms:99999\" is not host:port",
                "exporters.snmp.destinations[1].version: \"v4\" is not one of v1, v2c, v3",
                "exporters.snmp.destinations[2].inform: SNMPv1 has no informs (use version v2c or v3)",
                "exporters.snmp.destinations[2].community: must not be empty for v1/v2c",
                "exporters.snmp.destinations[3].address: must be set (host:port)",
                "exporters.snmp.destinations[3].trapRateLimit.rate: must be a positive number of notifications per second",
                "exporters.snmp.destinations[3].trapRateLimit.burst: must be at least 1",
                "exporters.snmp.destinations[3].timeout: must be positive",
                "exporters.snmp.destinations[3].retries: must be between 0 and 10",
            ],
            Errors(options));
    }

    [Fact]
    public void Top_level_keys_are_checked()
    {
        var options = new SnmpExporterOptions
        {
            Destinations = [new SnmpDestinationOptions { Address = "[::1]:162" }],
            EngineId = "0x1234",
            BaseOid = "1.3.6.x",
            MinSeverity = "huge",
            Events = ["alarms", "logs"],
            Timeout = TimeSpan.Zero,
            Retries = -1,
        };

        Assert.Equal(
            [
                "exporters.snmp.engineId: \"0x1234\" is not an snmpEngineID (hex, 5 to 32 bytes, e.g. 0x8001869F04676174657761792D31)",
                "exporters.snmp.baseOid: \"1.3.6.x\" is not an OID (e.g. 1.3.6.1.4.1.99999)",
                "exporters.snmp.timeout: must be positive",
                "exporters.snmp.retries: must be between 0 and 10",
                "exporters.snmp.minSeverity: \"huge\" is not one of critical, major, minor, warning, indeterminate",
                "exporters.snmp.events[1]: \"logs\" is not one of alarms, nodes",
            ],
            Errors(options));
    }

    [Fact]
    public void The_agent_needs_an_ip_and_a_community_or_users()
    {
        var options = new SnmpExporterOptions
        {
            Agent = new SnmpAgentEndpointOptions
            {
                Listen = "gateway.example:1161",
                Users =
                [
                    new SnmpUserOptions { Name = "ops", Auth = new() { Protocol = "SHA256", Passphrase = "authpass123" } },
                    new SnmpUserOptions { Name = "ops", Auth = new() { Protocol = "SHA256", Passphrase = "pass" } },
                    new SnmpUserOptions(),
                ],
            },
        };

        Assert.Equal(
            [
                "exporters.snmp.agent.listen: \"gateway.example:1161\" is not ip:port (an IP address or localhost, e.g. 127.0.0.1:1161)",
                "exporters.snmp.agent.users[1].name: \"ops\" is listed twice",
                "exporters.snmp.agent.users[1].auth.passphrase: must be at least 8 characters (RFC 3414)",
                "exporters.snmp.agent.users[2].name: must be set",
            ],
            Errors(options));
        Assert.Equal(
            ["exporters.snmp.agent: needs a community (v2c) or at least one entry in users (v3)"],
            Errors(new SnmpExporterOptions { Agent = new SnmpAgentEndpointOptions() }));
        Assert.Equal(
            ["exporters.snmp: needs at least one entry in destinations or an agent"],
            Errors(new SnmpExporterOptions()));
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("sha256")]
    [InlineData("SHA")]
    [InlineData("MD5")]
    public void Net_snmp_spellings_of_auth_protocols_are_accepted(string protocol)
    {
        var d = V3();
        d.Auth!.Protocol = protocol;
        d.Priv!.Protocol = "AES-128";

        Assert.Empty(Errors(new SnmpExporterOptions { Destinations = [d] }));
    }
}
