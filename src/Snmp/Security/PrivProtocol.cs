namespace Gateway.Snmp.Security;

/// <summary>
/// USM privacy protocols: AES-128-CFB (RFC 3826), and AES-192/256-CFB as net-snmp does them:
/// <c>-x AES-192</c>/<c>AES-256</c> extend a short key per draft-blumenthal-aes-usm-04,
/// <c>-x AES-192C</c>/<c>AES-256C</c> ("Cisco") per the Reeder 3DES draft. DES is not supported.
/// </summary>
public enum PrivProtocol
{
    None = 0,
    Aes128,
    Aes192,
    Aes256,
    Aes192Cisco,
    Aes256Cisco,
}
