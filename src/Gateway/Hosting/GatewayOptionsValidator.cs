using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        if (!ListenAddress.TryParse(options.Listen, out _, out var error))
        {
            errors.Add($"gateway.listen: {error}");
        }
        if (options.ExternalUrl is not null && !GatewayExternalUrl.IsValid(options.ExternalUrl))
        {
            errors.Add($"gateway.externalUrl: \"{options.ExternalUrl}\" is not an absolute http(s) URL (e.g. https://gateway.example.org)");
        }
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            errors.Add("gateway.dataDir: must not be empty");
        }
        if (options.ApiToken is { Length: > 0 and < 16 })
        {
            // Never echo the token itself.
            errors.Add("gateway.apiToken: must be at least 16 characters");
        }
        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            errors.Add("gateway.shutdownTimeout: must be positive");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
