using System.Globalization;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// A plan's id stands in addresses, file names and violation ids (<c>unit/plan@version/…</c>): an id with a slash, an
/// <c>@</c>, a space or <c>..</c> validated, and <c>campaignflow report</c> built file paths from it.
/// </summary>
public sealed class PlanIdTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("panyu ftu 2014")]
    [InlineData("panyu-ftu@2014")]
    [InlineData("panyu/ftu")]
    [InlineData("-panyu")]
    [InlineData("panyu..ftu")]
    [InlineData("番禺区总工会")]
    public void An_id_that_cannot_name_the_plan_everywhere_is_a_finding_at_its_value(string id)
    {
        var text = PanyuSeed.Text.Replace("\nplan: panyu-ftu-2014\n", $"\nplan: \"{id}\"\n", StringComparison.Ordinal);
        text.ShouldContain(id);

        var catalog = PanyuSeed.Load(text);

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        finding.Code.ShouldBe("plan-id-invalid");
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        finding.Location.Line.ShouldBe(Array.FindIndex(lines, l => l.StartsWith("plan:", StringComparison.Ordinal)) + 1);
        finding.Message(CultureInfo.GetCultureInfo("zh-CN")).ShouldStartWith($"“{id}”不能作为方案编号");
        catalog.Plans.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("panyu-ftu-2014")]
    [InlineData("Panyu_FTU.2014")]
    public void Letters_digits_hyphens_underscores_and_dots_are_an_id(string id)
    {
        var text = PanyuSeed.Text.Replace("\nplan: panyu-ftu-2014\n", $"\nplan: {id}\n", StringComparison.Ordinal);

        PanyuSeed.Load(text).Diagnostics.ShouldBeEmpty();
    }
}
