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
}
