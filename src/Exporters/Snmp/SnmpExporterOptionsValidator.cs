using System.Globalization;
using System.Text;
using Gateway.Snmp;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Validates the SNMP keys of <c>exporters.snmp</c> (the kit validates the common push keys after it);
/// every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. Communities and passphrases never appear
/// in a message (only that they are wrong).
/// </summary>
public sealed class SnmpExporterOptionsValidator : IValidateOptions<SnmpExporterOptions>
{
    private const int MinPassphrase = 8;

    public ValidateOptionsResult Validate(string? name, SnmpExporterOptions options)
    {
        var errors = new List<string>();
        const string at = SnmpExporterOptions.YamlPath;
        if (options.Destinations.Count == 0 && options.Agent is null)
        {
            errors.Add($"{at}: needs at least one entry in destinations or an agent");
        }
        for (var i = 0; i < options.Destinations.Count; i++)
        {
            ValidateDestination(options.Destinations[i], $"{at}.destinations[{i}]", errors);
        }
        if (options.Agent is { } agent)
        {
            ValidateAgent(agent, $"{at}.agent", errors);
        }
        if (options.EngineId is not null && !IsEngineId(options.EngineId))
        {
            errors.Add($"{at}.engineId: \"{options.EngineId}\" is not an snmpEngineID (hex, 5 to 32 bytes, e.g. 0x8001869F04676174657761792D31)");
        }
        if (!ObjectIdentifier.TryParse(options.BaseOid, out var baseOid) || baseOid.Length < 2)
        {
            errors.Add($"{at}.baseOid: \"{options.BaseOid}\" is not an OID (e.g. 1.3.6.1.4.1.99999)");
        }
        ValidateRateLimit(options.TrapRateLimit, $"{at}.trapRateLimit", errors);
        ValidateInform(options.Timeout, options.Retries, at, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateDestination(SnmpDestinationOptions d, string at, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(d.Address))
        {
            errors.Add($"{at}.address: must be set (host:port)");
        }
        else if (!SnmpAddress.TryParse(d.Address, SnmpAddress.TrapPort, out _))
        {
            errors.Add($"{at}.address: \"{d.Address}\" is not host:port");
        }
        if (!SnmpProtocolNames.TryParseVersion(d.Version, out var version))
        {
            errors.Add($"{at}.version: \"{d.Version}\" is not one of {SnmpProtocolNames.Versions}");
            return;
        }
        if (version == SnmpVersion.V1 && d.Inform)
        {
            errors.Add($"{at}.inform: SNMPv1 has no informs (use version v2c or v3)");
        }
        if (version == SnmpVersion.V3)
        {
            if (string.IsNullOrEmpty(d.User))
            {
                errors.Add($"{at}.user: v3 needs a user");
            }
            else
            {
                ValidateUserName(d.User, $"{at}.user", errors);
            }
            ValidateSecurity(d.Auth, d.Priv, at, errors);
        }
        else if (string.IsNullOrEmpty(d.Community))
        {
            errors.Add($"{at}.community: must not be empty for v1/v2c");
        }
        if (d.TrapRateLimit is { } limit)
        {
            ValidateRateLimit(limit, $"{at}.trapRateLimit", errors);
        }
        if (d.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        if (d.Retries is { } retries && retries is < 0 or > 10)
        {
            errors.Add($"{at}.retries: must be between 0 and 10");
        }
    }

    private static void ValidateAgent(SnmpAgentEndpointOptions agent, string at, List<string> errors)
    {
        if (!SnmpAddress.TryParse(agent.Listen, 161, out var listen, allowAnyPort: true) || listen.Literal is null)
        {
            errors.Add($"{at}.listen: \"{agent.Listen}\" is not ip:port (an IP address or localhost, e.g. 127.0.0.1:1161)");
        }
        if (agent.Community is not null && agent.Community.Length == 0)
        {
            errors.Add($"{at}.community: must not be empty (leave it out to turn v2c off)");
        }
        if (agent.Community is null && agent.Users.Count == 0)
        {
            errors.Add($"{at}: needs a community (v2c) or at least one entry in users (v3)");
        }
        if (agent.RefreshInterval <= TimeSpan.Zero)
        {
            errors.Add($"{at}.refreshInterval: must be positive");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agent.Users.Count; i++)
        {
            var user = agent.Users[i];
            var userAt = $"{at}.users[{i}]";
            if (string.IsNullOrEmpty(user.Name))
            {
                errors.Add($"{userAt}.name: must be set");
            }
            else
            {
                ValidateUserName(user.Name, $"{userAt}.name", errors);
                if (!names.Add(user.Name))
                {
                    errors.Add($"{userAt}.name: \"{user.Name}\" is listed twice");
                }
            }
            ValidateSecurity(user.Auth, user.Priv, userAt, errors);
        }
    }

    private static void ValidateUserName(string name, string at, List<string> errors)
    {
        if (Encoding.UTF8.GetByteCount(name) > 32)
        {
            errors.Add($"{at}: a USM user name is at most 32 bytes");
        }
    }

    private static void ValidateSecurity(SnmpSecretOptions? auth, SnmpSecretOptions? priv, string at, List<string> errors)
    {
        if (auth is not null)
        {
            if (!SnmpProtocolNames.TryParseAuth(auth.Protocol, out _))
            {
                errors.Add($"{at}.auth.protocol: \"{auth.Protocol}\" is not one of {SnmpProtocolNames.AuthProtocols}");
            }
            ValidatePassphrase(auth.Passphrase, $"{at}.auth.passphrase", errors);
        }
        if (priv is not null)
        {
            if (auth is null)
            {
                errors.Add($"{at}.priv: privacy needs auth as well (authPriv)");
            }
            if (!SnmpProtocolNames.TryParsePriv(priv.Protocol, out _))
            {
                errors.Add($"{at}.priv.protocol: \"{priv.Protocol}\" is not one of {SnmpProtocolNames.PrivProtocols}");
            }
            ValidatePassphrase(priv.Passphrase, $"{at}.priv.passphrase", errors);
        }
    }

    // The passphrase itself is never echoed: only its problem.
    private static void ValidatePassphrase(string? passphrase, string at, List<string> errors)
    {
        if (string.IsNullOrEmpty(passphrase))
        {
            errors.Add($"{at}: must be set");
        }
        else if (passphrase.Length < MinPassphrase)
        {
            errors.Add($"{at}: must be at least {MinPassphrase.ToString(CultureInfo.InvariantCulture)} characters (RFC 3414)");
        }
    }

    private static void ValidateRateLimit(SnmpRateLimitOptions limit, string at, List<string> errors)
    {
        if (!(limit.Rate > 0) || double.IsInfinity(limit.Rate))
        {
            errors.Add($"{at}.rate: must be a positive number of notifications per second");
        }
        if (limit.Burst < 1)
        {
            errors.Add($"{at}.burst: must be at least 1");
        }
    }

    private static void ValidateInform(TimeSpan timeout, int retries, string at, List<string> errors)
    {
        if (timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        if (retries is < 0 or > 10)
        {
            errors.Add($"{at}.retries: must be between 0 and 10");
        }
    }

    private static bool IsEngineId(string text)
    {
        try
        {
            SnmpEngineId.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
