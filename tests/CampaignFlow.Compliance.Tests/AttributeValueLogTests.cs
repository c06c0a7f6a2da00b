using CampaignFlow.Compliance.Logs;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A record's attribute value checked against the plan's vocabulary (issue 18, item 6): a 绵阳 示范点 whose
/// <c>siteKind</c> is not one the plan lists would count for none of MY-34's three kinds, so it is a finding where it is written
/// with the closest listed one; a listed value, in any letter case, is not.
/// </summary>
public sealed class AttributeValueLogTests
{
    [Fact]
    public void A_value_the_plan_does_not_list_is_a_finding_at_it_with_the_closest()
    {
        var log = ActivityLogReader.ReadText(
            """
            plan: mianyang-ftu-2014
            records:
              - { key: site-1, activity: model-site-selection, on: 2014-08-12, with: { siteKind: enterprize } }
              - { key: site-2, activity: model-site-selection, on: 2014-08-13, with: { siteKind: Township } }
            """,
            "mianyang.yaml",
            Seeds.Plan("mianyang-ftu-2014"));

        var finding = log.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Suggestion, finding.Location.Line, finding.Location.Column).ShouldBe(("unknown-attribute-value", "enterprise", 3, 86));
    }
}
