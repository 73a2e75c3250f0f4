namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>How to start a test node.</summary>
public sealed class ErlangNodeOptions
{
    /// <summary>The part before '@'; default: a unique <c>t&lt;random&gt;</c> so parallel tests never collide.</summary>
    public string AliveName { get; init; } = UniqueName("t");

    /// <summary>The host part; <c>localhost</c> (short names) resolves to 127.0.0.1 here.</summary>
    public string Host { get; init; } = "localhost";

    public string Cookie { get; init; } = "testcookie";

    /// <summary><c>-kernel net_ticktime</c> in seconds; null = OTP's default 60.</summary>
    public int? NetTickTimeSeconds { get; init; }

    /// <summary>Start as a hidden node (<c>-hidden</c>).</summary>
    public bool Hidden { get; init; }

    /// <summary>Trim the VM (one scheduler, few async threads) so many nodes fit a small test machine.</summary>
    public bool Small { get; init; } = true;

    /// <summary>More <c>erl</c> arguments, e.g. <c>-proto_dist inet_tls</c> or <c>-eval ...</c>.</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
