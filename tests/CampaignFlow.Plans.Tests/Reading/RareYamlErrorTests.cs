using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Tests.Reading;

/// <summary>
/// The rarer YAML mistakes — a <c>%YAML</c> or <c>%TAG</c> directive written wrong, a verbatim tag <c>!&lt;…&gt;</c>
/// not closed or empty, a tag handle no directive declares, two anchors or two tags on one value — are said in the catalogue's
/// words in both languages, at the line and column of the mistake, as the common ones are; none is YamlDotNet's English
/// and none stops the reader with an exception.
/// </summary>
public sealed class RareYamlErrorTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    // Directives go before the seed plan's text: the column is on the directive's line (1 unless said).
    [Theory]
    [InlineData("%YAML abc\n---\n", 1, 7, "yaml-reason-yaml-directive", "%YAML 指令之后应写版本号")]
    [InlineData("%YAML 2.0\n---\n", 1, 1, "yaml-reason-yaml-version", "不能读取此 %YAML 版本")]
    [InlineData("%YAML 1.2\n%YAML 1.2\n---\n", 2, 1, "yaml-reason-directive-twice", "此指令写了第二次")]
    [InlineData("%TAG !e! tag:a,2014:\n%TAG !e! tag:b,2014:\n---\n", 2, 1, "yaml-reason-directive-twice", "此指令写了第二次")]
    [InlineData("%TAG !e tag:a,2014:\n---\n", 1, 8, "yaml-reason-tag-directive", "%TAG 指令由两个“!”之间的句柄和前缀组成")]
    [InlineData("%YAML 1.2 x\n---\n", 1, 11, "yaml-reason-directive", "以“%”开头的行是 YAML 指令")]
    public void A_directive_written_wrong_is_said_at_its_line(string directives, int line, int column, string reason, string chinese)
    {
        var error = Single(directives + PanyuSeed.Text);

        (error.Location.Line, error.Location.Column).ShouldBe((line, column));
        Said(error, reason, chinese);
    }

    [Fact]
    public void A_directive_without_the_line_that_ends_directives_is_said_where_the_plan_begins()
    {
        var text = "%YAML 1.2\n" + PanyuSeed.Text;
        var lines = text.Split('\n');
        var content = Array.FindIndex(lines, 1, l => l.Length > 0 && !l.StartsWith('#'));

        var error = Single(text);

        (error.Location.Line, error.Location.Column).ShouldBe((content + 1, 1));
        Said(error, "yaml-reason-directive-end", "须有一行“---”");
    }

    // Written before the value of the plan's title: the column is where the mistake starts on that line.
    [Theory]
    [InlineData("!<tag:yaml.org,2002:str ", 0, "yaml-reason-verbatim-tag", "逐字标签“!<…>”之内须有标签")]
    [InlineData("!<> ", 0, "yaml-reason-verbatim-tag", "逐字标签“!<…>”之内须有标签")]
    [InlineData("!e!str ", 0, "yaml-reason-tag-handle", "没有用 %TAG 指令声明")]
    [InlineData("&a &b ", 3, "yaml-reason-two-anchors", "一个值只能有一个锚点")]
    [InlineData("!!str !!str ", 6, "yaml-reason-two-tags", "一个值只能有一个标签")]
    [InlineData("!!str &a !!str ", 9, "yaml-reason-two-tags", "一个值只能有一个标签")]
    [InlineData("!<tag:yaml.org,2002:str> !!str ", 25, "yaml-reason-two-tags", "一个值只能有一个标签")]
    public void A_tag_or_anchor_written_wrong_is_said_at_it(string written, int offset, string reason, string chinese)
    {
        var lines = PanyuSeed.Text.Split('\n');
        var title = Array.FindIndex(lines, l => l.StartsWith("title: ", StringComparison.Ordinal));
        lines[title] = "title: " + written + lines[title]["title: ".Length..];

        var error = Single(string.Join('\n', lines));

        (error.Location.Line, error.Location.Column).ShouldBe((title + 1, "title: ".Length + offset + 1));
        Said(error, reason, chinese);
    }

    [Fact]
    public void A_tag_in_verbatim_form_naming_the_values_own_type_is_read()
    {
        var lines = PanyuSeed.Text.Split('\n');
        var title = Array.FindIndex(lines, l => l.StartsWith("title: ", StringComparison.Ordinal));
        lines[title] = "title: !<tag:yaml.org,2002:str> " + lines[title]["title: ".Length..];

        PanyuSeed.Load(string.Join('\n', lines)).Diagnostics.ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    private static PlanDiagnostic Single(string text)
    {
        var catalog = PanyuSeed.Load(text);
        var error = catalog.Diagnostics.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));
        error.Code.ShouldBe("yaml-syntax");
        return error;
    }

    private static void Said(PlanDiagnostic error, string reason, string chinese)
    {
        error.Arguments.Skip(1).First().ShouldBe(reason, error.ToString());
        error.Message(Chinese).ShouldStartWith("YAML 语法错误：");
        error.Message(Chinese).ShouldContain(chinese);
        var english = error.Message(CultureInfo.InvariantCulture);
        english.ShouldBe(MessageCatalog.Format("yaml-syntax", [MessageCatalog.Format(reason, [], CultureInfo.InvariantCulture)], CultureInfo.InvariantCulture));
        english.ShouldNotContain(error.Arguments[0], Case.Sensitive, "YamlDotNet's own sentence is not said");
    }
}
