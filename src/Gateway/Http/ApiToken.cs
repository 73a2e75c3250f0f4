using System.Security.Cryptography;
using System.Text;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Http;

/// <summary>
/// Bearer-token check for write endpoints (<c>gateway.apiToken</c>). Without a configured token the write
/// endpoints are closed (403), never open. The comparison is constant-time; the token is never logged.
/// </summary>
internal sealed class ApiTokenFilter(IOptions<GatewayOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiToken;
        if (string.IsNullOrEmpty(expected))
        {
            return ValueTask.FromResult<object?>(ApiError.Result(StatusCodes.Status403Forbidden,
                "write endpoints are disabled: set gateway.apiToken (or GATEWAY__GATEWAY__APITOKEN)"));
        }
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !Matches(header[prefix.Length..].Trim(), expected))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return ValueTask.FromResult<object?>(ApiError.Result(StatusCodes.Status401Unauthorized,
                "missing or wrong bearer token (Authorization: Bearer <gateway.apiToken>)"));
        }
        return next(context);
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
