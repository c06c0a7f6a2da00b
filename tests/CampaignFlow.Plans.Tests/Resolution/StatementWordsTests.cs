using System.Globalization;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// What <c>show</c>, <c>diff</c> and <c>migrate</c> say a requirement asks writes days and hours as the reader's
/// language does: 2014年3月31日 and 4 小时 in Chinese, 2014-03-31 and 4 h in English, on the seed plans.
/// </summary>
public class StatementWordsTests
{
    private static readonly PlanCatalog Seeds = PlanCatalog.Load([Repository.Path("definitions")]);

    [Theory]
    [InlineData("zh-CN", "开通“民意快线”须在2014年3月31日前完成")]
    [InlineData("en", "hotline by 2014-03-31")]
    public void A_deadline_names_its_day_as_the_reader_writes_it(string language, string said) =>
        Statement("weidu-xiguan-street-2014", "people-hotline:deadline", language).ShouldBe(said);

    [Theory]
    [InlineData("zh-CN", "每周：集中学习不少于半天（4 小时）")]
    [InlineData("en", "every week: concentrated-study at least half a day (4 h)")]
    public void A_minimum_in_working_time_says_its_hours_as_the_reader_writes_them(string language, string said) =>
        Statement("panyu-ftu-2014", "weekly-study:period-minimum", language).ShouldBe(said);

    [Fact]
    public void An_approval_chain_and_a_return_are_said_in_Chinese_by_their_names()
    {
        var plan = Seeds.Plans["mianyang-ftu-2014"];
        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        var gate = PlanResolver.Describe(plan.Requirements.Single(r => r.ActionId == "research-report" && r.Kind == Plans.Requirements.RequirementKind.ApprovalGate), plan.Vocabulary, chinese);
        var rework = PlanResolver.Describe(plan.Requirements.Single(r => r.ActionId == "research-report" && r.Kind == Plans.Requirements.RequirementKind.Rework), plan.Vocabulary, chinese);

        gate.ShouldNotContain("principal");
        gate.ShouldNotContain("supervisor");
        gate.ShouldContain(" → ");
        rework.ShouldEndWith("在被退回时须重新进行");
        PlanResolver.Describe(plan.Requirements.Single(r => r.ActionId == "research-report" && r.Kind == Plans.Requirements.RequirementKind.Rework), plan.Vocabulary, CultureInfo.GetCultureInfo("en"))
            .ShouldEndWith("held again when returned");
    }

    [Fact]
    public void Every_seed_requirement_says_its_amounts_in_English()
    {
        var english = CultureInfo.GetCultureInfo("en");
        var statements = Seeds.Plans.Values
            .SelectMany(plan => plan.Requirements.Select(r => PlanResolver.Describe(r, plan.Vocabulary, english)))
            .ToArray();

        statements.ShouldContain(s => s.Contains("half a day", StringComparison.Ordinal));
        statements.Where(s => ChineseAmount.Pattern().IsMatch(s)).ShouldBeEmpty();
    }

    private static string Statement(string planId, string requirementId, string language)
    {
        Seeds.HasErrors.ShouldBeFalse(string.Join("\n", Seeds.Diagnostics));
        var plan = Seeds.Plans[planId];
        var requirement = plan.Requirements.Single(r => r.Id == requirementId);
        return PlanResolver.Describe(requirement, plan.Vocabulary, CultureInfo.GetCultureInfo(language));
    }
}
