using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;

namespace CampaignFlow.Compliance.Tests;

/// <summary>Activity logs as CSV: the same keys as columns, checked by the same rules as YAML.</summary>
public class CsvLogTests
{
    private const string Log = """
        key,activity,document,review,on,hours,participants,with,by,decision
        study-w07,concentrated-study,,,2014-02-14,半天,su-zhibang;chen-huimin,,,
        study-w08,concentrated-study,,,2014-02-21,2小时,su-zhibang,,,
        talk-1,talk,,,2014-05-06,1h,su-zhibang chen-huimin,includesCriticism=true,,
        meeting-plan,,meeting-plan,,2014-05-05,,,,,
        meeting-plan-ok,,,meeting-plan,2014-05-09,,,,supervisor,approved
        "quoted, key",concentrated-study,,,2014-02-28,4h,"su-zhibang;chen-huimin",,,
        """;

    [Fact]
    public void A_csv_log_reads_into_the_same_records_as_yaml()
    {
        var log = ActivityLogCsvReader.ReadText(Log, "panyu.csv", Seeds.Plan("panyu-ftu-2014"));
        log.Diagnostics.ShouldBeEmpty(string.Join("\n", log.Diagnostics));
        log.Records.Count.ShouldBe(6);
        var study = (ActivityRecord)log.Records[0];
        (study.Hours, study.Participants.Count).ShouldBe((4m, 2));
        ((ActivityRecord)log.Records[2]).Attributes["includesCriticism"].ShouldBe("true");
        var review = (ReviewRecord)log.Records[4];
        (review.DocumentKind, review.Role, review.Decision).ShouldBe(("meeting-plan", "supervisor", ReviewDecision.Approved));
        log.Records[5].Key.ShouldBe("quoted, key");
    }

    [Fact]
    public void PY_05_is_checked_on_a_csv_log_as_on_yaml()
    {
        var log = ActivityLogCsvReader.ReadText(Log, "panyu.csv", Seeds.Plan("panyu-ftu-2014"));
        var result = Simulator.Run(Seeds.Rules("panyu-ftu-2014"), log.Records, new DateTimeOffset(2014, 3, 3, 0, 0, 0, TimeSpan.FromHours(8)));
        var weekly = result.Violations.Where(v => v.RequirementId == "weekly-study:period-minimum").Select(v => (v.Period, v.Evidence.Actual)).ToArray();
        weekly.ShouldBe([("2014-W08", "2 h")]);
    }

    [Fact]
    public void Mistakes_in_a_csv_log_point_at_their_line_and_column()
    {
        var csv = "key,activty,on,hours\ns1,concentrated-study,2014-02-14,一些\n";
        var log = ActivityLogCsvReader.ReadText(csv, "bad.csv", Seeds.Plan("panyu-ftu-2014"));
        log.Diagnostics.Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column}").ShouldBe(["unknown-key 1:5", "bad-quantity 2:34", "record-without-kind 2:1"]);
        log.Diagnostics[0].Suggestion.ShouldBe("activity");
    }

    [Fact]
    public void A_participant_not_on_the_roster_is_reported_at_the_participants_cell()
    {
        var csv = "key,activity,on,hours,participants\ns1,concentrated-study,2014-02-14,4h,su-zhibang;nobody\n";
        var log = ActivityLogCsvReader.ReadText(csv, "bad.csv", Seeds.Plan("panyu-ftu-2014"));
        log.Diagnostics.Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column}").ShouldBe(["unknown-person 2:37"]);
    }
}
