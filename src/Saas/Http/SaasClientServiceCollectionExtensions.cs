using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Gateway.Saas.Http;

/// <summary>
/// Registers a SaaS service's Refit client on a named <see cref="IHttpClientFactory"/> client whose base
/// URL and per-request timeout come from the exporter's validated options. The factory's request
/// logging is removed: it would write the full URL, and a webhook URL (Slack, Teams) is a secret.
/// </summary>
public static class SaasClientServiceCollectionExtensions
{
    /// <summary>
    /// <typeparamref name="TApi"/> resolves to a client for <c>baseUrl(options)</c> with <c>timeout(options)</c>
    /// per request (answers are not thrown: declare methods returning <see cref="HttpResponseMessage"/> and map
    /// them with <see cref="Core.Export.HttpDelivery.ResultAsync"/>).
    /// </summary>
    /// <param name="name">The exporter's name (<c>pagerduty</c>); names the HTTP client.</param>
    public static IHttpClientBuilder AddSaasClient<TApi, TOptions>(
        this IServiceCollection services,
        string name,
        Func<TOptions, Uri> baseUrl,
        Func<TOptions, TimeSpan> timeout)
        where TApi : class
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // The generated client: Refit 16's AddRefitClient needs the reflection request builder (the
        // Refit.Reflection package) and fails when the client is first resolved without it.
        return services.AddRefitGeneratedClient<TApi>(_ => SaasRefitSettings.Create(), "gateway-" + name)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                client.BaseAddress = baseUrl(options);
                client.Timeout = timeout(options);
            })
            .RemoveAllLoggers();
    }
}
