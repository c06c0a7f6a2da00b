using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>
/// 对照检查材料 wait for the unit's own 主要负责人 (PY-20), whose review its recorder records (as the API lets it): the
/// unit page offers a form for each role of the unit's own in an approval chain, listing the stored documents that
/// role reviews, and the review is stored by that role. Without it the page said 等待主要负责人审批 and offered nothing
/// but a CSV upload to record the approval the meeting waits for.
/// </summary>
[Collection(HeldAgainCollection.Name)]
public sealed class InternalReviewTests(HeldAgainFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_recorder_records_the_principals_approval_of_a_document_through_its_form()
    {
        var plan = Service.FindPlan(Service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull();
        bool Own(string r) => r != RecordRights.SupervisorRole && !(plan.Vocabulary.Roles.TryGetValue(r, out var declared) && declared.External);
        var gate = plan.Requirements.OfType<ApprovalGate>().First(g => g.Chain.Any(Own));
        var role = gate.Chain.First(Own);
        var document = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "document" && r.Kind == gate.Subject.Id);
        var reviewer = plan.Roster.People[0];

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}");
        (await page.Locator($"#write-review-{role} summary").TextContentAsync()).ShouldBe($"审阅：{plan.Vocabulary.TitleOf(role)}");

        await page.GotoAsync($"/console/units/{Unit}/write/review/{role}");
        await page.FillAsync("#f-on", HeldAgainFixture.Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#f-review", document.Key);
        await page.SelectOptionAsync("#f-decision", "approved");
        await page.SelectOptionAsync("#f-reviewer", reviewer.Id);
        await page.FillAsync("#f-comment", "同意。");
        await page.ClickAsync("#record-form button[type=submit]");
        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=1*");

        var stored = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "review");
        var review = RecordCodec.Decode(stored).ShouldBeOfType<ReviewRecord>();
        (review.DocumentKey, review.Role, review.Decision, review.Reviewer, review.Comment)
            .ShouldBe((document.Key, role, ReviewDecision.Approved, reviewer.Id, "同意。"));
        stored.RecordedBy.ShouldBe(DemoTokens.RecorderPrefix + Unit);
    }

    private CampaignService Service => console.Service;
}
