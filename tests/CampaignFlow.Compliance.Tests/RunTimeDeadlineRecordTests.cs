using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// The fields of a deadline set at run time — <c>due</c>, <c>within</c> and a test's <c>failed</c> — read the same from a
/// YAML log, records sent as JSON and a CSV import, with the same findings at their line and column (issue 18, item 5).
/// </summary>
public class RunTimeDeadlineRecordTests
{
    private const string Mianyang = "mianyang-ftu-2014";

    [Fact]
    public void A_yaml_log_json_records_and_a_csv_log_carry_the_same_days_and_members()
    {
        var plan = Seeds.Plan(Mianyang);
        var yaml = ActivityLogReader.ReadText(
            """
            plan: mianyang-ftu-2014
            records:
              - { key: report, document: research-report, on: 2014-09-26, author: chen-wei }
              - { key: back, review: report, on: 2014-09-30, by: supervisor, decision: returned, within: 5个工作日 }
              - { key: test, activity: knowledge-test, on: 2014-05-20, participants: [sun-min, yang-fan, ma-li], failed: [sun-min, yang-fan], due: 2014-06-20 }
            """,
            "mianyang.yaml",
            plan);
        var json = ActivityLogReader.ReadRecords(
            """
            [
              { "key": "report", "document": "research-report", "on": "2014-09-26", "author": "chen-wei" },
              { "key": "back", "review": "report", "on": "2014-09-30", "by": "supervisor", "decision": "returned", "within": "5个工作日" },
              { "key": "test", "activity": "knowledge-test", "on": "2014-05-20", "participants": ["sun-min", "yang-fan", "ma-li"], "failed": ["sun-min", "yang-fan"], "due": "2014-06-20" }
            ]
            """,
            "request.json",
            plan);
        var csv = ActivityLogCsvReader.ReadText(
            """
            key,document,review,activity,on,author,by,decision,within,due,participants,failed
            report,research-report,,,2014-09-26,chen-wei,,,,,,
            back,,report,,2014-09-30,,supervisor,returned,5个工作日,,,
            test,,,knowledge-test,2014-05-20,,,,,2014-06-20,sun-min;yang-fan;ma-li,sun-min;yang-fan
            """,
            "mianyang.csv",
            plan);

        foreach (var log in new[] { yaml, json, csv })
        {
            log.Diagnostics.ShouldBeEmpty(log.Path + ": " + string.Join("\n", log.Diagnostics));

            // Five working days after Tuesday 30 September 2014 skip 国庆节 and count Saturday 11 October (调休).
            log.Records.OfType<ReviewRecord>().Single().Due.ShouldBe(new DateOnly(2014, 10, 13), log.Path);
            var test = log.Records.OfType<ActivityRecord>().Single();
            test.Failed.ShouldBe(["sun-min", "yang-fan"], log.Path);
            test.Due.ShouldBe(new DateOnly(2014, 6, 20), log.Path);
        }
    }

    [Fact]
    public void A_deadline_where_no_re_work_is_asked_or_written_twice_and_a_failure_of_someone_absent_are_findings_at_their_place()
    {
        var log = ActivityLogReader.ReadText(
            """
            plan: mianyang-ftu-2014
            records:
              - { key: report, document: research-report, on: 2014-04-21, author: zhang-jianguo }
              - { key: ok, review: report, on: 2014-05-07, by: principal, decision: approved, due: 2014-05-20 }
              - { key: back, review: report, on: 2014-05-12, by: supervisor, decision: returned, due: 2014-05-20, within: 5天 }
              - { key: early, review: report, on: 2014-05-12, by: supervisor, decision: returned, due: 2014-05-01 }
              - { key: test, activity: knowledge-test, on: 2014-05-20, participants: [sun-min], failed: [yang-fan], within: 2小时 }
              - { key: passed, activity: knowledge-test, on: 2014-05-21, participants: [sun-min], within: 一周 }
            """,
            "mianyang.yaml",
            Seeds.Plan(Mianyang));

        log.Diagnostics.Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column}").ShouldBe(
            ["record-due-not-here 4:88", "record-due-and-within 5:111", "record-due-before-day 6:92", "record-failed-not-participant 7:94", "amount-must-be-time 7:113", "record-due-not-here 8:95"],
            ignoreOrder: true);
        log.Records.Select(r => r.Key).ShouldBe(["report"]);
    }
}
