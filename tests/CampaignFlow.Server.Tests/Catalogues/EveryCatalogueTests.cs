using System.Globalization;
using System.Reflection;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Server.Tests.Catalogues;

/// <summary>
/// Every template of every message catalogue the server runs with (its own, the plans', the violations', the
/// campaigns', the rules engines'; any <c>messages.yaml</c> embedded in them) renders in Chinese and in English with
/// values in its placeholders: a brace meant literally, or a placeholder numbered past what the code passes, is a
/// format error the reader would meet as a failure instead of a sentence.
/// </summary>
public class EveryCatalogueTests
{
    private static readonly string[] Assemblies =
    [
        "CampaignFlow.Plans", "CampaignFlow.Compliance", "CampaignFlow.Compliance.NRules", "CampaignFlow.Campaigns", "CampaignFlow.Server",
    ];

    private static readonly string[] Values = [.. Enumerable.Range(0, 10).Select(i => $"〔{i}〕")];

    public static TheoryData<string, string> Catalogues()
    {
        var catalogues = new TheoryData<string, string>();
        foreach (var name in Assemblies)
        {
            foreach (var resource in Assembly.Load(name).GetManifestResourceNames().Where(r => r.EndsWith("messages.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                catalogues.Add(name, resource);
            }
        }

        return catalogues;
    }

    [Fact]
    public void Every_assembly_with_words_has_its_catalogue_found() =>
        Catalogues().Select(c => (string)c[1]).ShouldBe(
        [
            "CampaignFlow.Plans.Diagnostics.messages.yaml", "CampaignFlow.Compliance.Violations.messages.yaml", "CampaignFlow.Compliance.NRules.messages.yaml",
            "CampaignFlow.Campaigns.Catalog.messages.yaml", "CampaignFlow.Server.Api.Problems.messages.yaml", "CampaignFlow.Server.WebConsole.Text.messages.yaml",
        ], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Every_template_renders_in_both_languages(string assembly, string resource)
    {
        var templates = MessageTemplates.Load(Assembly.Load(assembly), resource);

        var failures = new List<string>();
        foreach (var code in templates.Codes.Order(StringComparer.Ordinal))
        {
            foreach (var culture in new[] { CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en") })
            {
                try
                {
                    templates.Format(code, Values, culture).ShouldNotBeNullOrWhiteSpace();
                }
                catch (FormatException e)
                {
                    failures.Add($"{code} ({culture.Name}): {e.Message}");
                }
            }
        }

        templates.Codes.ShouldNotBeEmpty();
        failures.ShouldBeEmpty();
    }
}
