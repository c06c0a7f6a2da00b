using System.Globalization;

namespace CampaignFlow.Plans.Tests.Versions;

/// <summary>
/// A plan's <c>version:</c> numbers its published texts from 1: a version of 0 or below was valid, and the server
/// published it as such.
/// </summary>
public sealed class PlanVersionNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_version_below_one_is_a_finding_at_its_value(string version)
    {
        var text = PanyuSeed.Text.Replace("\nplan: panyu-ftu-2014\n", $"\nplan: panyu-ftu-2014\nversion: {version}\n", StringComparison.Ordinal);
        text.ShouldContain($"version: {version}");

        var catalog = PanyuSeed.Load(text);

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        finding.Code.ShouldBe("version-out-of-range");
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        finding.Location.Line.ShouldBe(Array.FindIndex(lines, l => l.StartsWith("version:", StringComparison.Ordinal)) + 1);
        finding.Message(CultureInfo.GetCultureInfo("zh-CN")).ShouldContain(version);
        catalog.Plans.ContainsKey("panyu-ftu-2014").ShouldBeFalse();
    }

    [Fact]
    public void Version_one_is_valid()
    {
        var text = PanyuSeed.Text.Replace("\nplan: panyu-ftu-2014\n", "\nplan: panyu-ftu-2014\nversion: 1\n", StringComparison.Ordinal);

        PanyuSeed.Load(text).Diagnostics.ShouldBeEmpty();
    }
}
