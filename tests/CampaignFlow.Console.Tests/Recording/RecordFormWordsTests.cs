using System.Text.RegularExpressions;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>
/// A recorder reads every field of a unit's recording forms in Chinese: an attribute by the catalogue's word for it
/// (渠道, 措施), a value to choose by its title in the plan (<c>valueTitles:</c>), never the ids the plan is written in.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class RecordFormWordsTests(ConsoleFixture console)
{
    [Fact]
    public async Task Every_form_field_of_every_plan_is_labelled_in_Chinese()
    {
        // One unit of each plan the service runs: the seed units' plans and the body's plans below them.
        var units = console.Host.Services.GetRequiredService<UnitDirectory>().All
            .GroupBy(u => u.PlanId).Select(g => g.First().Id).Order(StringComparer.Ordinal).ToArray();
        units.Length.ShouldBeGreaterThan(3);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Admin);
        var english = new List<string>();
        foreach (var unit in units)
        {
            (await page.GotoAsync($"/console/units/{unit}")).ShouldNotBeNull().Status.ShouldBe(200);
            var words = await page.Locator("form label, form option").AllTextContentsAsync();
            english.AddRange(words.Select(w => w.Trim()).Where(w => AsciiWord().IsMatch(w)).Select(w => $"{unit}: {w}"));
        }

        english.Distinct().ShouldBeEmpty();
    }

    // Two or more Latin letters in a row: an id or an English word (the CSV upload's link is not a label).
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex AsciiWord();
}
