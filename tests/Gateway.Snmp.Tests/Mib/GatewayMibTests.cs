using Gateway.Snmp.Mib;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Mib;

public sealed class GatewayMibTests
{
    [Fact]
    public async Task Smilint_at_level_3_reports_nothing()
    {
        var mib = Path.Combine(TestMibs.GatewayMibDir, "GATEWAY-MIB.mib");
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SmiLint, ["-l", "3", "-s", mib], env: new Dictionary<string, string>
        {
            ["SMIPATH"] = TestMibs.BaseMibDir + ":" + TestMibs.GatewayMibDir,
        });
        // smilint exits 0 even with findings: its output is the verdict.
        Assert.Equal("", (r.StdOut + r.StdErr).Trim());
    }

    [Fact]
    public async Task Smilint_does_report_a_broken_copy_so_the_check_above_is_meaningful()
    {
        var dir = Directory.CreateTempSubdirectory("gw-mib-").FullName;
        var broken = Path.Combine(dir, "GATEWAY-MIB.mib");
        await File.WriteAllTextAsync(broken, GatewayMib.Text.Replace("MAX-ACCESS  read-only", "MAX-ACCESS  read-onlyy", StringComparison.Ordinal));
        var r = await ProcessRunner.RunAsync(NetSnmpTools.SmiLint, ["-l", "3", "-s", broken], env: new Dictionary<string, string>
        {
            ["SMIPATH"] = TestMibs.BaseMibDir + ":" + dir,
        });
        Directory.Delete(dir, recursive: true);
        Assert.Contains("GATEWAY-MIB.mib:", r.StdOut + r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_mib_is_the_file_in_the_repository()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(TestMibs.GatewayMibDir, "GATEWAY-MIB.mib")), GatewayMib.Text);
        Assert.StartsWith("GATEWAY-MIB DEFINITIONS ::= BEGIN", GatewayMib.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_oid_moves_every_notification_and_column()
    {
        var oids = new GatewayMibOids(ObjectIdentifier.Parse("1.3.6.1.4.1.424242.5"));
        Assert.Equal("1.3.6.1.4.1.424242.5.0.1", oids.AlarmRaised.ToString());
        Assert.Equal("1.3.6.1.4.1.424242.5.0.5", oids.NodeDown.ToString());
        Assert.Equal("1.3.6.1.4.1.424242.5.1.1.1.2.9", oids.AlarmColumn(AlarmColumn.Id, 9).ToString());
        Assert.Equal("1.3.6.1.4.1.424242.5.1.2.1.3.4", oids.NodeColumn(NodeColumn.Status, 4).ToString());
    }

    [Fact]
    public void Display_strings_are_cut_to_255_bytes_on_a_character_boundary()
    {
        var alarm = new GatewayAlarmInfo(1, "id", "n", "t", "r", GwSeverity.Minor, new string('é', 200), DateTimeOffset.UnixEpoch);
        var description = new GatewayNotifications().AlarmRaised(alarm).VarBinds[5].Value;
        Assert.Equal(254, description.AsBytes().Length);
        Assert.Equal(new string('é', 127), description.AsString());
    }

    [Fact]
    public void Date_and_time_is_eleven_octets_in_utc()
    {
        var bytes = DateAndTimeCodec.Encode(new DateTimeOffset(2026, 11, 26, 10, 20, 30, 400, TimeSpan.FromHours(2)));
        Assert.Equal("07EA0B1A08141E042B0000", Convert.ToHexString(bytes));
    }
}
