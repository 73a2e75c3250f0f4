using System.Text.RegularExpressions;
using Gateway.Collector.Beam.Agent;

namespace Gateway.Tests.Collector.Beam;

public sealed partial class GatewayAgentSourceTests
{
    [Fact]
    public void Embedded_source_is_the_gateway_agent_module()
    {
        Assert.Contains("-module(gateway_agent).", GatewayAgentSource.Text, StringComparison.Ordinal);
        Assert.Equal("gateway_agent", GatewayAgentSource.ModuleName);
    }

    [Fact]
    public void Version_and_vsn_attribute_agree()
    {
        Assert.True(GatewayAgentSource.Version >= 1);
        Assert.Contains($"-vsn({GatewayAgentSource.Version}).", GatewayAgentSource.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseVersion_reads_the_version_clause_and_rejects_a_source_without_one()
    {
        Assert.Equal(42, GatewayAgentSource.ParseVersion("-module(x).\nversion() -> 42.\n"));
        Assert.Throws<FormatException>(() => GatewayAgentSource.ParseVersion("-module(x).\n"));
    }

    [Fact]
    public void Source_uses_no_preprocessor_features_that_parse_form_cannot_handle()
    {
        // erl_parse:parse_form sees raw tokens: a macro use (?X) or -include/-define would not compile.
        var code = string.Join('\n', GatewayAgentSource.Text.Split('\n').Select(StripComment));
        Assert.DoesNotMatch(Preprocessor(), code);
    }

    private static string StripComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"': inString = !inString; break;
                case '$': i++; break;
                case '%' when !inString: return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"\?[A-Za-z_]|^-(include|include_lib|define|ifdef|ifndef|undef)\b", RegexOptions.Multiline)]
    private static partial Regex Preprocessor();
}
