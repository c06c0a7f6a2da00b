using System.Text.RegularExpressions;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Docs;

/// <summary>
/// A <c>```yaml</c> block of a Markdown document of the repository, as a reader copies it: its lines without the
/// block's indentation. A block that writes <c>plan:</c> at its top level is a whole plan; one whose first line is
/// <c># 错误示例：CODE</c> is a mistake example that must give the finding CODE, and the plain fenced block right after it
/// (if any) shows that finding as <c>campaignflow validate --lang zh-CN</c> prints it, the file named by its name only.
/// </summary>
internal sealed partial class YamlSnippet
{
    /// <summary>The comment that opens a mistake example, followed by the finding's code.</summary>
    public const string MistakeMarker = "# 错误示例：";

    private YamlSnippet(string document, int line, string text, IReadOnlyList<string> shownFindings)
    {
        Document = document;
        Line = line;
        Text = text;
        ShownFindings = shownFindings;
    }

    /// <summary>The document's path relative to the repository root.</summary>
    public string Document { get; }

    /// <summary>The line of the document the block's first line is on (1-based).</summary>
    public int Line { get; }

    /// <summary>The block's text.</summary>
    public string Text { get; }

    /// <summary>
    /// The finding lines (<c>file:line:column: error code: …</c>) of a plain <c>```</c> or <c>```text</c> block that
    /// follows this one with nothing but blank lines between; empty when none does.
    /// </summary>
    public IReadOnlyList<string> ShownFindings { get; }

    /// <summary>The id the block's top-level <c>plan:</c> gives, or null for a block that is no whole plan.</summary>
    public string? PlanId => PlanKey().Match(Text) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The finding a mistake example says it gives, or null for a block that is no mistake example.</summary>
    public string? ExpectedFinding =>
        Text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) is { } first && first.StartsWith(MistakeMarker, StringComparison.Ordinal)
            ? first[MistakeMarker.Length..].Trim().Split(' ')[0]
            : null;

    /// <summary>The <c>```yaml</c> blocks of <paramref name="document"/>, in order.</summary>
    /// <param name="document">A path relative to the repository root, such as <c>docs/plan-format.zh-CN.md</c>.</param>
    public static IReadOnlyList<YamlSnippet> In(string document)
    {
        var lines = File.ReadAllLines(Repository.Path([.. document.Split('/')]));
        var snippets = new List<YamlSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (fence != "```yaml")
            {
                if (fence.StartsWith("```", StringComparison.Ordinal))
                {
                    // Any other fenced block is skipped whole, so its closing fence does not open a yaml one.
                    i = ClosingFence(lines, i);
                }

                continue;
            }

            var indent = lines[i].Length - fence.Length;
            var end = ClosingFence(lines, i);
            var body = lines[(i + 1)..end].Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart());
            snippets.Add(new YamlSnippet(document, i + 2, string.Join('\n', body) + "\n", FindingsAfter(lines, end)));
            i = end;
        }

        return snippets;
    }

    public override string ToString() => $"{Document}:{Line}";

    private static string[] FindingsAfter(string[] lines, int closing)
    {
        var next = closing + 1;
        while (next < lines.Length && lines[next].Trim().Length == 0)
        {
            next++;
        }

        if (next == lines.Length || lines[next].Trim() is not ("```" or "```text"))
        {
            return [];
        }

        return [.. lines[(next + 1)..ClosingFence(lines, next)].Select(l => l.Trim()).Where(l => FindingLine().IsMatch(l))];
    }

    private static int ClosingFence(string[] lines, int open)
    {
        for (var j = open + 1; j < lines.Length; j++)
        {
            if (lines[j].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new InvalidOperationException($"the block opened at line {open + 1} is not closed");
    }

    [GeneratedRegex(@"^[^\s:]+:\d+:\d+: (?:error|warning) [a-z0-9-]+: ")]
    private static partial Regex FindingLine();

    [GeneratedRegex(@"^plan:[ \t]*([^\s#]+)", RegexOptions.Multiline)]
    private static partial Regex PlanKey();
}
