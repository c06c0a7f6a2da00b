using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Tests.Catalogues;

/// <summary>
/// Every problem the API can answer renders in both languages with values in its placeholders (a literal brace in a
/// template once turned a 400 into a 500), and its Chinese names nothing in English but what the caller types: the
/// API's parameters and keys, HTTP's words.
/// </summary>
public partial class ProblemCatalogueTests
{
    private static readonly string[] Values = [.. Enumerable.Range(0, 10).Select(i => $"〔{i}〕")];

    // What a caller sends as it is written: query parameters, JSON keys and values, plan keys, paths and HTTP words.
    private static readonly HashSet<string> Typed =
    [
        "JSON", "GET", "POST", "HTTP", "Accept", "UTF", "Authorization", "Bearer", "health", "plans/{plan}", "plans/drafts", "definitions",
        "version", "to", "from", "by", "supervisor", "requirement", "weekly-study", "period-minimum", "yyyy-MM-dd", "comment",
        "toVersion", "units", "dryRun", "acceptLostProgress", "true", "false", "null", "time-zone", "Asia/Shanghai", "demo", "Authorization", "Bearer",
        // The server's options, named as they are typed on its command line or in its environment.
        "store", "sqlite", "postgres", "connection", "Host", "Database", "Username", "ConnectionStrings", "CampaignFlow", "data", "demo-until",
        "MaxConcurrentRecordings", "PostgreSQL", "Maximum", "Pool", "Size", "partitions",
    ];

    public static TheoryData<string> Codes() => [.. ApiProblems.Codes.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_problem_renders_in_both_languages_with_its_values(string code)
    {
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en") })
        {
            var text = Should.NotThrow(() => ApiProblems.Text(code, culture, Values), $"{code} ({culture.Name})");

            text.ShouldNotBeNullOrWhiteSpace();
            text.ShouldNotStartWith(code + ":", Case.Sensitive, "a code without templates");
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_problem_in_Chinese_names_nothing_in_English_but_what_the_caller_types(string code)
    {
        var text = ApiProblems.Text(code, CultureInfo.GetCultureInfo("zh-CN"), Values);

        EnglishWords().Matches(text).Select(m => m.Value).Where(w => !Typed.Contains(w)).ShouldBeEmpty($"{code}: {text}");
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]+(?:[-./][A-Za-z{}]+)*")]
    private static partial Regex EnglishWords();
}
