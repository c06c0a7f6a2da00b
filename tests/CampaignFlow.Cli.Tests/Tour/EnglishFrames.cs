using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Cli.Output;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Tests.Tour;

/// <summary>
/// The words an English frame is made of: every word the English templates of the CLI's, the plans' and the
/// violations' catalogues write themselves that none of their Chinese templates does (so not the program, its
/// options and the ids a Chinese sentence names too), ids (weekly-study, panyu-ftu) left out. One of them in output
/// asked for in Chinese is English left in it.
/// </summary>
internal static partial class EnglishFrames
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly string[] Marks = [.. Enumerable.Range(0, 10).Select(i => $"〔{i}〕")];

    private static readonly HashSet<string> Words = Build();

    /// <summary>The frame words in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> In(string text) =>
        [.. Tokens().Matches(text).Select(m => m.Value).Where(Words.Contains)];

    private static HashSet<string> Build()
    {
        var english = new HashSet<string>(StringComparer.Ordinal);
        var chinese = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (codes, render) in Catalogues())
        {
            foreach (var code in codes)
            {
                english.UnionWith(Tokens().Matches(render(code, English)).Select(m => m.Value).Where(w => w.Length > 1 && !w.Contains('-', StringComparison.Ordinal) && !w.Contains('.', StringComparison.Ordinal) && !w.Contains(':', StringComparison.Ordinal)));
                chinese.UnionWith(Tokens().Matches(render(code, Chinese)).Select(m => m.Value));
            }
        }

        english.ExceptWith(chinese);
        return english;
    }

    private static IEnumerable<(IEnumerable<string> Codes, Func<string, CultureInfo, string> Render)> Catalogues()
    {
        yield return (CliMessages.Templates.Codes, (code, culture) => CliMessages.Text(code, culture, Marks));
        yield return (MessageCatalog.Codes, (code, culture) => MessageCatalog.Format(code, Marks, culture));
        yield return (ViolationMessages.Templates.Codes, (code, culture) => ViolationMessages.Templates.Format(code, Marks, culture));
    }

    // A word as the catalogue tests read one: letters, joined by - . or : (an id such as weekly-study:coverage is one).
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]+(?:[-.:][A-Za-z]+)*")]
    private static partial Regex Tokens();
}
