using System.Text;
using System.Text.Json;
using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfJsonEncoderTests
{
    private static readonly DateTimeOffset Time = new(2026, 12, 2, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_message_is_the_exact_gelf_1_1_json()
    {
        var message = new GelfMessage("n1@host", "disk full", Time, 3, Fields:
        [
            GelfField.Of("node", "n1@host"),
            GelfField.Of("value", 1.5),
            GelfField.Of("id", "x"),
            GelfField.Of("bad key!", "y"),
        ]);

        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(message));

        Assert.Equal(
            """{"version":"1.1","host":"n1@host","short_message":"disk full","timestamp":1796205600.123,"level":3,"_node":"n1@host","_value":1.5,"_id_":"x","_bad_key_":"y"}""",
            json);
    }

    [Fact]
    public void Full_message_follows_short_message_and_a_whole_second_has_no_decimals()
    {
        var message = new GelfMessage("h", "first", new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(2)), 6, "first\nsecond");

        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(message));

        // 10:00 at +02:00 is 08:00 UTC.
        Assert.Equal("""{"version":"1.1","host":"h","short_message":"first","full_message":"first\nsecond","timestamp":1796198400,"level":6}""", json);
    }

    [Fact]
    public void Control_characters_are_escaped_so_no_zero_byte_reaches_a_tcp_frame()
    {
        var bytes = GelfJsonEncoder.Encode(new GelfMessage("h", "a\0b", Time, 6, Fields: [GelfField.Of("k", "\0")]));

        Assert.DoesNotContain((byte)0, bytes);
        Assert.Equal("a\0b", JsonDocument.Parse(bytes).RootElement.GetProperty("short_message").GetString());
    }

    [Fact]
    public void Non_ascii_text_is_written_as_utf8_and_round_trips()
    {
        var bytes = GelfJsonEncoder.Encode(new GelfMessage("h", "Größe überschritten — 100 %", Time, 6, Fields: [GelfField.Of("where", "<b>&'\"")]));

        var root = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("Größe überschritten — 100 %", root.GetProperty("short_message").GetString());
        Assert.Equal("<b>&'\"", root.GetProperty("_where").GetString());
        Assert.True(bytes.AsSpan().IndexOf("Größe"u8) >= 0, "written as UTF-8, not \\u escapes");
    }

    [Fact]
    public void An_empty_short_message_or_host_becomes_a_dash_which_graylog_accepts()
    {
        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(new GelfMessage(" ", "  ", Time, 6)));

        Assert.StartsWith("""{"version":"1.1","host":"-","short_message":"-",""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_of_two_fields_with_the_same_sanitised_name_wins_and_nan_is_text()
    {
        var json = Encoding.UTF8.GetString(GelfJsonEncoder.Encode(new GelfMessage("h", "m", Time, 6, Fields:
        [
            GelfField.Of("a b", "first"),
            GelfField.Of("a/b", "second"),
            GelfField.Of("ratio", double.NaN),
        ])));

        Assert.EndsWith(""","_a_b":"first","_ratio":"NaN"}""", json, StringComparison.Ordinal);
    }
}
