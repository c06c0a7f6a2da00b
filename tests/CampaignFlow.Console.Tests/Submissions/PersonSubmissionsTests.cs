using System.Globalization;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Submissions;

/// <summary>
/// Documents each 班子成员 writes (对照检查材料, 调研报告: <c>per: person</c>), mid-campaign at 绵阳市总工会: one stored is
/// one person's, so the unit page counts who has submitted and names who has not, and the review page lists each
/// person's report that waits for the supervision group, with how many must write one. Before, the unit page read the
/// kind as submitted once any one was, and the review page showed only the latest of the five reports.
/// </summary>
[Collection(MidCampaignCollection.Name)]
public sealed class PersonSubmissionsTests(MidCampaignFixture console)
{
    private const string Unit = "mianyang-ftu";

    [Fact]
    public async Task The_unit_page_counts_who_has_submitted_a_document_each_member_writes_and_names_who_has_not()
    {
        var plan = Service.FindPlan(Service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull();
        var state = (await Service.GetStateAsync(Unit)).ShouldNotBeNull();
        var records = (await Service.ReadRecordsAsync(Unit))!;
        // A per-person gate waiting mid-campaign whose documents nobody has written yet.
        var gate = plan.Requirements.OfType<ApprovalGate>().First(g => g.Scope == Scope.Person && g.Targets.Count > 1
            && state.WaitingGates.Any(w => w.ActionId == g.ActionId) && !records.Any(r => r.Type == "document" && r.Kind == g.Subject.Id));
        var first = plan.Roster.Find(gate.Targets[0]).ShouldNotBeNull();
        var missing = gate.Targets.Skip(1).Select(id => plan.Roster.Find(id)!.Name).ToArray();
        var zh = CultureInfo.GetCultureInfo("zh-CN");

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}");
        (await ActionStatusAsync(page, gate.ActionId)).ShouldBe("（尚未报送）");

        var form = $"#write-document-{gate.Subject.Id}";
        await page.Locator($"{form} summary").ClickAsync();
        await page.FillAsync($"{form}-on", MidCampaignFixture.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.SelectOptionAsync($"{form}-author", new[] { first.Id });
        await page.Locator($"{form} button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=1*");

        var counted = $"已报送 {1.ToString("N0", zh)}/{gate.Targets.Count.ToString("N0", zh)} 人";
        (await ActionStatusAsync(page, gate.ActionId)).ShouldBe($"（{counted}，未报送：{string.Join("、", missing)}）", "one member's document is not the five");
        (await page.Locator("#waiting-gates li").AllTextContentsAsync())
            .ShouldContain(l => l.StartsWith(plan.Vocabulary.DocumentTitle(gate.Subject.Id) + "：" + counted, StringComparison.Ordinal) && l.Contains(string.Join("、", missing), StringComparison.Ordinal));
        (await page.Locator("#person-documents li").AllTextContentsAsync())
            .ShouldContain($"{plan.Vocabulary.DocumentTitle(gate.Subject.Id)}：{counted}，未报送：{string.Join("、", missing)}");
        await ConsoleFixture.ScreenshotAsync(page, "person-submissions");
    }

    [Fact]
    public async Task The_review_page_lists_each_members_report_waiting_for_the_group_not_only_the_latest()
    {
        var plan = Service.FindPlan(Service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull();
        var state = (await Service.GetStateAsync(Unit)).ShouldNotBeNull();
        var gate = state.WaitingGates.First(g => g.RolesToApprove.FirstOrDefault() == RecordRights.SupervisorRole
            && plan.Requirements.OfType<ApprovalGate>().Any(r => r.ActionId == g.ActionId && r.Scope == Scope.Person));
        var targets = plan.Requirements.OfType<ApprovalGate>().First(r => r.ActionId == gate.ActionId).Targets;
        var records = (await Service.ReadRecordsAsync(Unit))!;
        var reviews = records.Where(r => r.Type == "review").Select(RecordCodec.Decode).OfType<ReviewRecord>().ToArray();
        // Each member's latest report, approved by those before the group in the chain, not yet decided by the group.
        var expected = records.Where(r => r.Type == "document" && r.Kind == gate.DocumentKind)
            .GroupBy(r => (RecordCodec.Decode(r) as DocumentRecord)!.Author).Select(g => g.Last().Key)
            .Where(key => !reviews.Any(r => r.DocumentKey == key && r.Role == RecordRights.SupervisorRole)
                          && gate.Chain.TakeWhile(role => role != RecordRights.SupervisorRole).All(role => reviews.Any(r => r.DocumentKey == key && r.Role == role && r.Decision == ReviewDecision.Approved)))
            .ToArray();
        expected.Length.ShouldBeGreaterThan(1, $"at {MidCampaignFixture.Until} several members' reports wait for the group");

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.ReviewerPrefix + Unit);
        (await page.GotoAsync("/console/reviews")).ShouldNotBeNull().Status.ShouldBe(200);
        var listed = await page.Locator($"li.review[data-unit='{Unit}']").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.document)");
        listed.ShouldBeSubsetOf(records.Where(r => r.Type == "document").Select(r => r.Key));
        foreach (var key in expected)
        {
            listed.ShouldContain(key);
            var words = await page.Locator($"li.review[data-document='{key}'] p.persons").TextContentAsync();
            var missing = targets.Where(t => !records.Any(r => r.Type == "document" && r.Kind == gate.DocumentKind && (RecordCodec.Decode(r) as DocumentRecord)!.Author == t)).ToArray();
            words.ShouldBe(missing.Length == 0
                ? $"{targets.Count.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"))} 人均已报送。"
                : $"尚未报送：{string.Join("、", missing.Select(m => plan.Roster.Find(m)!.Name))}");
        }
    }

    private static Task<string?> ActionStatusAsync(Microsoft.Playwright.IPage page, string action) =>
        page.Locator($"#open-actions li[data-action='{action}'] .status").TextContentAsync();

    private CampaignService Service => console.Service;
}
