using Gateway.Collector.Beam.Options;

namespace Gateway.Collector.Beam;

/// <summary>
/// Where cookies come from, in order: the group's cookie (<c>collect.beam.cookies.&lt;group&gt;</c>),
/// <c>GATEWAY_BEAM_COOKIE</c>, <c>collect.beam.cookie</c>, <c>collect.beam.cookieFile</c>, then
/// <c>~/.erlang.cookie</c>. The file is read on each miss, so a cookie file created after start is
/// picked up. No member ever prints a cookie.
/// </summary>
public sealed class BeamCookies
{
    private readonly BeamOptions options;
    private readonly Func<string, string?> environment;
    private readonly string home;

    public BeamCookies(BeamOptions options)
        : this(options, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
    {
    }

    public BeamCookies(BeamOptions options, Func<string, string?> environment, string home)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.environment = environment;
        this.home = home;
    }

    /// <summary>The file the default cookie is read from.</summary>
    public string CookieFile => ExpandHome(options.CookieFile ?? "~/.erlang.cookie");

    /// <summary>The cookie for a node of <paramref name="group"/> (null for none), or null when there is none.</summary>
    public string? For(string? group)
    {
        if (group is not null && options.Cookies.TryGetValue(group, out var groupCookie) && !string.IsNullOrEmpty(groupCookie))
        {
            return groupCookie;
        }
        var fromEnvironment = environment(BeamOptions.CookieEnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }
        if (!string.IsNullOrEmpty(options.Cookie))
        {
            return options.Cookie;
        }
        try
        {
            // erl writes the file without a newline, editors add one: trim it as erl does.
            var text = File.ReadAllText(CookieFile).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string ExpandHome(string path) =>
        path == "~" ? home
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..])
        : path;
}
