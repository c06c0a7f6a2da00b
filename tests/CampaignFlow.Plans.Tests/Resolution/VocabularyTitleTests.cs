using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// What evidence names is said by the plan's titles wherever it is shown (simulate's table, the console's next
/// steps): 番禺's roles by their titles, its opinion channels and methods by the <c>valueTitles:</c> it gives them.
/// </summary>
public sealed class VocabularyTitleTests
{
    private static readonly Lazy<PlanCatalog> Catalog = new(() => PlanCatalog.Load([Repository.Path("definitions")]));

    [Theory]
    [InlineData("leading-group", "区总党组教育实践活动领导小组成员")]
    [InlineData("microblog", "政务微博")]
    [InlineData("e-mailbox", "电子意见箱")]
    [InlineData("forum", "座谈会")]
    public void A_role_or_a_titled_value_is_said_by_its_title(string id, string title) =>
        Catalog.Value.Plans["panyu-ftu-2014"].Vocabulary.TitleOf(id).ShouldBe(title);

    [Fact]
    public void An_id_the_plan_titles_nowhere_has_no_title() =>
        Catalog.Value.Plans["panyu-ftu-2014"].Vocabulary.TitleOf("study-2014-w10").ShouldBeNull();
}
