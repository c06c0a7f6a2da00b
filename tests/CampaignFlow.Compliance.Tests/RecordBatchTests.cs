using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Tests;

/// <summary>Records sent one, a list or a log at a time (YAML or JSON), and reviews of documents recorded before.</summary>
public class RecordBatchTests
{
    [Fact]
    public void One_record_a_list_and_a_log_read_alike_in_yaml_and_json()
    {
        var plan = Seeds.Plan("panyu-ftu-2014");
        string[] texts =
        [
            "{ key: s1, activity: concentrated-study, on: 2014-02-14, hours: 半天 }",
            "- { key: s1, activity: concentrated-study, on: 2014-02-14, hours: 半天 }",
            "plan: panyu-ftu-2014\nrecords:\n  - { key: s1, activity: concentrated-study, on: 2014-02-14, hours: 半天 }",
            """[{ "key": "s1", "activity": "concentrated-study", "on": "2014-02-14", "hours": "半天" }]""",
        ];

        foreach (var text in texts)
        {
            var log = ActivityLogReader.ReadRecords(text, "request", plan);
            log.Diagnostics.ShouldBeEmpty(text);
            var study = log.Records.ShouldHaveSingleItem().ShouldBeOfType<ActivityRecord>();
            (study.Key, study.Hours).ShouldBe(("s1", 4m));
        }
    }

    [Fact]
    public void A_review_refers_to_a_document_recorded_before_and_an_unknown_one_is_reported_where_it_is_written()
    {
        var plan = Seeds.Plan("panyu-ftu-2014");
        var stored = new DocumentRecord("meeting-plan", "panyu-ftu", new DateOnly(2014, 5, 5), "meeting-plan") { Author = "guo-jianwen" };
        var known = new Dictionary<string, DocumentRecord> { [stored.Key] = stored };

        var review = ActivityLogReader.ReadRecords("{ key: ok, review: meeting-plan, by: supervisor, on: 2014-05-09 }", "request", plan, known);
        review.Diagnostics.ShouldBeEmpty();
        review.Records.ShouldHaveSingleItem().ShouldBeOfType<ReviewRecord>().DocumentKind.ShouldBe("meeting-plan");

        var unknown = ActivityLogReader.ReadRecords("{ key: ok, review: meeting-plam, by: supervisor, on: 2014-05-09 }", "request", plan, known);
        var finding = unknown.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Location.Line, finding.Location.Column, finding.Suggestion).ShouldBe(("unknown-document-key", 1, 20, "meeting-plan"));

        // Without stored documents a log reads as before: the document must be in the log itself.
        ActivityLogReader.ReadRecords("{ key: ok, review: meeting-plan, by: supervisor, on: 2014-05-09 }", "request", plan)
            .Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("unknown-document-record");
    }
}
