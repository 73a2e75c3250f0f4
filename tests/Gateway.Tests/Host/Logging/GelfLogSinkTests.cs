// The tests log through the extension methods: what .NET logging hands Serilog is the point, not speed.
#pragma warning disable CA1848, CA1873

using System.Text.Json;
using Gateway.Core.Export;
using Gateway.Exporters.Gelf;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Host.Logging;

public sealed class GelfLogSinkTests
{
    [Fact]
    public async Task A_log_event_becomes_a_gelf_message_with_its_category_level_and_template_properties()
    {
        var transport = new ScriptedTransport(DeliveryResult.Delivered);
        using var captured = new CapturedLogEvents();
        captured.Logger("Gateway.Core.Outbox.OutboxDelivery").Log(LogLevel.Error, new EventId(5, "Retry"), new IOException("reset"), "Exporter {Exporter} failed", "snmp");
        using var sink = new GelfLogSink(transport, "gw-host");

        await sink.EmitBatchAsync(captured.Events);

        var json = JsonDocument.Parse(transport.Sent.Single()).RootElement;
        Assert.Equal(("gw-host", "Exporter snmp failed", 3), (json.GetProperty("host").GetString(), json.GetProperty("short_message").GetString(), json.GetProperty("level").GetInt32()));
        Assert.StartsWith("System.IO.IOException: reset", json.GetProperty("full_message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Gateway.Core.Outbox.OutboxDelivery", json.GetProperty("_category").GetString());
        Assert.Equal(("Error", 5, "Retry"), (json.GetProperty("_log_level").GetString(), json.GetProperty("_event_id").GetInt32(), json.GetProperty("_event_name").GetString()));
        Assert.Equal(("snmp", "System.IO.IOException", "gateway"), (json.GetProperty("_Exporter").GetString(), json.GetProperty("_exception_type").GetString(), json.GetProperty("_application").GetString()));
    }

    [Fact]
    public async Task A_batch_retried_after_a_partial_failure_does_not_send_its_delivered_head_again()
    {
        var transport = new ScriptedTransport(DeliveryResult.Retry("reset", delivered: 2), DeliveryResult.Delivered);
        using var captured = new CapturedLogEvents();
        for (var i = 0; i < 4; i++)
        {
            captured.Logger("C").LogInformation("line {N}", i);
        }
        using var sink = new GelfLogSink(transport, "h");

        await Assert.ThrowsAsync<IOException>(() => sink.EmitBatchAsync(captured.Events));
        await sink.EmitBatchAsync(captured.Events);

        Assert.Equal(["line 0", "line 1", "line 2", "line 3", "line 2", "line 3"], transport.Sent.Select(ShortMessage));
        Assert.Equal([4, 2], transport.Calls);
    }

    [Fact]
    public async Task A_message_the_receiver_rejects_is_dropped_and_the_rest_is_sent()
    {
        var transport = new ScriptedTransport(DeliveryResult.Reject("too large", delivered: 1), DeliveryResult.Delivered);
        using var captured = new CapturedLogEvents();
        for (var i = 0; i < 3; i++)
        {
            captured.Logger("C").LogInformation("line {N}", i);
        }
        using var sink = new GelfLogSink(transport, "h");

        await sink.EmitBatchAsync(captured.Events);

        Assert.Equal([3, 1], transport.Calls);
        Assert.Equal("line 2", ShortMessage(transport.Sent[^1]));
    }

    private static string ShortMessage(byte[] json) => JsonDocument.Parse(json).RootElement.GetProperty("short_message").GetString()!;

    private sealed class ScriptedTransport(params DeliveryResult[] answers) : IGelfTransport
    {
        private int _next;

        public List<byte[]> Sent { get; } = [];

        public List<int> Calls { get; } = [];

        public ValueTask<DeliveryResult> SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
        {
            Calls.Add(messages.Count);
            Sent.AddRange(messages.Select(m => m.ToArray()));
            return ValueTask.FromResult(answers[Math.Min(_next++, answers.Length - 1)]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
