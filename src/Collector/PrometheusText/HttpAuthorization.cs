using System.Text;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// The <c>Authorization</c> header of a scrape. <see cref="ToString"/> hides the credentials, so a target or
/// its settings can be logged or shown without leaking them.
/// </summary>
public sealed record HttpAuthorization(string Scheme, string Parameter)
{
    public static HttpAuthorization Basic(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public static HttpAuthorization Bearer(string token) => new("Bearer", token);

    public override string ToString() => $"{Scheme} ***";
}
