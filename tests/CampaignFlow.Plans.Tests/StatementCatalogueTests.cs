using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Tests;

/// <summary>
/// What <c>campaignflow show</c> says of a requirement (the <c>req-</c>, <c>kind-</c> and <c>word-</c> templates) reads
/// as Chinese in zh-CN: no English word and no bracketed list of the English form in the template's own text. The
/// findings' templates (which quote plan keys such as “activities” on purpose) are not judged here.
/// </summary>
public partial class StatementCatalogueTests
{
    public static TheoryData<string> Codes() =>
        [.. MessageCatalog.Codes.Where(c => c.StartsWith("req-", StringComparison.Ordinal) || c.StartsWith("kind-", StringComparison.Ordinal) || c.StartsWith("word-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_statement_template_in_Chinese_has_no_English_words(string code)
    {
        var text = MessageCatalog.Format(code, [.. Enumerable.Range(0, 10).Select(i => $"〔{i}〕")], CultureInfo.GetCultureInfo("zh-CN"));

        EnglishWords().Matches(text).Select(m => m.Value).ShouldBeEmpty($"{code}: {text}");
        text.ShouldNotContain("[", Case.Sensitive, $"{code}: {text}");
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]+(?:[-.][A-Za-z]+)*")]
    private static partial Regex EnglishWords();
}
