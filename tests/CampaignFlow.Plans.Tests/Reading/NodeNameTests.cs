using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Tests.Reading;

/// <summary>
/// A finding about a mapping names its kind: in Chinese by the catalogue's name (此方案缺少“campaign”), not by the
/// English word the binder knows it by (此 plan 缺少“campaign”); the key stays as the author types it.
/// </summary>
public sealed class NodeNameTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void A_plan_without_its_campaign_says_so_in_Chinese_words()
    {
        // The seed plan without its campaign block: the line "campaign:" and the indented lines below it.
        var lines = PanyuSeed.Text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("campaign:", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 0 && l[0] != ' ');
        var text = string.Join('\n', lines[..start].Concat(lines[end..]));

        var missing = PlanReader.ReadText(text, "p.yaml").Diagnostics.First(d => d.Code == "missing-key");

        missing.Message(Chinese).ShouldBe("此方案缺少“campaign”");
        missing.Message(CultureInfo.InvariantCulture).ShouldBe("'campaign' is missing from this plan");
    }

    [Fact]
    public void A_misspelt_key_of_a_phase_names_the_phase_in_Chinese()
    {
        var text = PanyuSeed.Text.Replace("    window:", "    windw:", StringComparison.Ordinal);

        var unknown = PlanReader.ReadText(text, "p.yaml").Diagnostics.First(d => d.Code == "unknown-key");

        unknown.Message(Chinese).ShouldStartWith("阶段中有未知的键“windw”");
    }

    [Fact]
    public void Every_kind_of_mapping_in_a_plan_has_a_Chinese_name()
    {
        var kinds = typeof(PlanNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PlanNode)) && !t.IsAbstract).Select(t => PlanShape.Of(t).Name).ToArray();
        kinds.ShouldNotBeEmpty();

        foreach (var kind in kinds)
        {
            MessageCatalog.NodeName(kind, Chinese).ShouldNotBe(kind, $"'{kind}' has no Chinese name (node-{kind.Replace(' ', '-')} in Diagnostics/messages.yaml)");
        }
    }
}
