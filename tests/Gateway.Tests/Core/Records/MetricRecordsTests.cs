using System.Text;
using System.Text.Json;
using Gateway.Core.Records;

namespace Gateway.Tests.Core.Records;

public sealed class MetricRecordsTests
{
    [Fact]
    public void A_whole_snapshot_is_one_record_with_the_series_labelled_as_on_metrics()
    {
        var snapshot = RecordSamples.Snapshot();
        var record = MetricRecords.Serialize(snapshot);
        var id = MetricRecords.RecordId(snapshot, null);

        Assert.Equal(
            "{\"recordType\":\"metrics\",\"schemaVersion\":1,\"eventId\":\"" + id + "\",\"time\":\"2026-11-26T08:00:01.25Z\",\"node\":\"n1@host\",\"job\":\"beam\",\"families\":["
            + """{"name":"erlang_vm_process_count","type":"gauge","help":"Processes.","samples":[{"name":"erlang_vm_process_count","labels":{"dc":"eu1","instance":"n1@host","job":"beam"},"value":42}]},"""
            + """{"name":"odd","type":"untyped","help":"","samples":[{"name":"odd","labels":{"dc":"eu1","instance":"n1@host","job":"beam","kind":"nan"},"value":"NaN"},{"name":"odd","labels":{"dc":"eu1","instance":"n1@host","job":"beam","kind":"inf"},"value":"+Inf","timestampMs":1764144001000}]}]}""",
            Encoding.UTF8.GetString(record));
        RecordSchemas.AssertValid(RecordTypeNames.Metrics, record);
    }

    [Fact]
    public void One_record_per_family_holds_that_family_only_with_its_own_id()
    {
        var snapshot = RecordSamples.Snapshot();
        var family = snapshot.Families[1];
        var record = MetricRecords.Serialize(snapshot, family);

        using var json = JsonDocument.Parse(record);
        var families = json.RootElement.GetProperty("families");
        Assert.Equal("odd", Assert.Single(families.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(MetricRecords.RecordId(snapshot, "odd"), json.RootElement.GetProperty("eventId").GetGuid());
        RecordSchemas.AssertValid(RecordTypeNames.Metrics, record);
    }

    [Fact]
    public void Record_ids_are_stable_for_a_snapshot_and_differ_between_families_and_times()
    {
        var a = RecordSamples.Snapshot();
        var b = RecordSamples.Snapshot();

        Assert.Equal(MetricRecords.RecordId(a, null), MetricRecords.RecordId(b, null));
        Assert.NotEqual(MetricRecords.RecordId(a, null), MetricRecords.RecordId(a, "odd"));
        Assert.NotEqual(MetricRecords.RecordId(a, "odd"), MetricRecords.RecordId(a, "erlang_vm_process_count"));
        var later = new Gateway.Core.Streaming.StreamedSnapshot(a.Source with { Time = a.Time.AddSeconds(15) });
        Assert.NotEqual(MetricRecords.RecordId(a, null), MetricRecords.RecordId(later, null));
        Assert.Equal(8, MetricRecords.RecordId(a, null).Version);
    }
}
