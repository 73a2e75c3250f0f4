using Gateway.Snmp.Security;

namespace Gateway.Exporters.Snmp;

/// <summary>Turns validated user options into a <see cref="UsmUser"/> (keys derived once, passphrases not kept).</summary>
public static class SnmpUsers
{
    public static UsmUser Create(string name, SnmpSecretOptions? auth, SnmpSecretOptions? priv)
    {
        var authProtocol = AuthProtocol.None;
        var privProtocol = PrivProtocol.None;
        if (auth is not null && !SnmpProtocolNames.TryParseAuth(auth.Protocol, out authProtocol))
        {
            throw new ArgumentException($"user {name}: unknown auth protocol; validate the options first", nameof(auth));
        }
        if (priv is not null && !SnmpProtocolNames.TryParsePriv(priv.Protocol, out privProtocol))
        {
            throw new ArgumentException($"user {name}: unknown priv protocol; validate the options first", nameof(priv));
        }
        return new UsmUser(name, authProtocol, auth?.Passphrase, privProtocol, priv?.Passphrase);
    }

    public static UsmUser Create(SnmpUserOptions user) => Create(user.Name!, user.Auth, user.Priv);
}
