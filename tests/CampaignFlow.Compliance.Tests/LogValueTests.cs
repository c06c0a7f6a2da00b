using CampaignFlow.Compliance.Logs;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Values a log must not hold are findings at their line and column, the same whether the log is a YAML file
/// (<c>campaignflow simulate</c>), records sent as JSON, or a CSV import: one reader checks them all.
/// </summary>
public class LogValueTests
{
    [Fact]
    public void A_kind_written_without_text_is_a_finding_at_its_value_in_a_yaml_log()
    {
        var log = ActivityLogReader.ReadText(
            """
            plan: panyu-ftu-2014
            records:
              - { key: empty-activity, activity: ~, on: 2014-03-07 }
              - { key: listed-document, document: [meeting-plan], on: 2014-03-07 }
              - { key: fine, activity: concentrated-study, on: 2014-03-07, hours: 半天 }
            """,
            "panyu.yaml",
            Seeds.Plan("panyu-ftu-2014"));

        log.Diagnostics.Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column}").ShouldBe(["missing-value 3:38", "expected-text 4:39"], ignoreOrder: true);
        log.Records.ShouldHaveSingleItem().Key.ShouldBe("fine");
    }

    [Fact]
    public void Implausible_values_are_the_same_findings_in_a_yaml_log_records_sent_as_json_and_a_csv_log()
    {
        var plan = Seeds.Plan("panyu-ftu-2014");
        var yaml = ActivityLogReader.ReadText(
            """
            plan: panyu-ftu-2014
            records:
              - { key: huge, activity: concentrated-study, on: 2014-03-07, hours: 99999999999天 }
              - { key: far, activity: concentrated-study, on: 9999-12-31, hours: 半天 }
              - { key: backwards, activity: concentrated-study, on: 2014-03-07, until: 2014-03-06 }
              - { key: late-deadline, ledger: rectification, on: 2014-08-10, with: { item: 文山会海, deadline: 2099-09-15 } }
              - { key: "", activity: concentrated-study, on: 2014-03-07 }
            """,
            "panyu.yaml",
            plan);
        var json = ActivityLogReader.ReadRecords(
            """
            [
              { "key": "huge", "activity": "concentrated-study", "on": "2014-03-07", "hours": "99999999999天" },
              { "key": "far", "activity": "concentrated-study", "on": "9999-12-31", "hours": "半天" },
              { "key": "backwards", "activity": "concentrated-study", "on": "2014-03-07", "until": "2014-03-06" },
              { "key": "late-deadline", "ledger": "rectification", "on": "2014-08-10", "with": { "item": "文山会海", "deadline": "2099-09-15" } },
              { "key": "", "activity": "concentrated-study", "on": "2014-03-07" }
            ]
            """,
            "request.json",
            plan);
        var csv = ActivityLogCsvReader.ReadText(
            """
            key,activity,ledger,on,until,hours,with
            huge,concentrated-study,,2014-03-07,,99999999999天,
            far,concentrated-study,,9999-12-31,,半天,
            backwards,concentrated-study,,2014-03-07,2014-03-06,,
            late-deadline,,rectification,2014-08-10,,,item=文山会海;deadline=2099-09-15
            ,concentrated-study,,2014-03-07,,,
            """,
            "panyu.csv",
            plan);

        string[] expected = ["hours-implausible", "day-implausible", "until-before-start", "day-implausible"];
        yaml.Diagnostics.Select(d => d.Code).ShouldBe([.. expected, "missing-value"], ignoreOrder: true);
        json.Diagnostics.Select(d => d.Code).ShouldBe([.. expected, "missing-value"], ignoreOrder: true);
        csv.Diagnostics.Select(d => d.Code).ShouldBe([.. expected, "missing-key"], ignoreOrder: true);
        foreach (var log in new[] { yaml, json, csv })
        {
            log.Diagnostics.Select(d => d.Location.Line).Order().ShouldBe(log == yaml ? [3, 4, 5, 6, 7] : [2, 3, 4, 5, 6]);
        }
    }

    [Fact]
    public void A_key_yaml_reads_as_a_number_or_a_boolean_must_be_quoted_and_a_quoted_one_or_a_csv_cell_is_text()
    {
        var plan = Seeds.Plan("panyu-ftu-2014");

        var bare = ActivityLogReader.ReadRecords("- { key: 123, activity: concentrated-study, on: 2014-03-07 }\n- { key: true, activity: concentrated-study, on: 2014-03-08 }", "request.yaml", plan);
        var quoted = ActivityLogReader.ReadRecords("""[{ "key": "123", "activity": "concentrated-study", "on": "2014-03-07" }]""", "request.json", plan);
        var cell = ActivityLogCsvReader.ReadText("key,activity,on\n123,concentrated-study,2014-03-07\n", "request.csv", plan);

        bare.Diagnostics.Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column} {d.Message(System.Globalization.CultureInfo.InvariantCulture)}").ShouldBe(
        [
            "expected-quoted-text 1:10 'key' must be text, not the bare 123: write it in quotes (\"123\")",
            "expected-quoted-text 2:10 'key' must be text, not the bare true: write it in quotes (\"true\")",
        ]);
        quoted.Records.ShouldHaveSingleItem().Key.ShouldBe("123");
        cell.Records.ShouldHaveSingleItem().Key.ShouldBe("123");
    }
}
