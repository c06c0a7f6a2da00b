using System.Globalization;

namespace CampaignFlow.Plans.Tests.Reading;

/// <summary>
/// The binder reads every value by the plan's own types, never by a YAML tag: <c>title: !!int 番禺区总工会…</c>
/// validated as the text it is. A tag is a finding at the tag, in both languages, unless it names the type the value
/// is read as.
/// </summary>
public sealed class YamlTagTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Theory]
    [InlineData("title: ", "!!int ", "title")]
    [InlineData("  year: ", "!!str ", "year")]
    [InlineData("  year: ", "!custom ", "year")]
    public void A_tag_that_is_not_the_values_own_type_is_a_finding_at_the_tag(string key, string tag, string path)
    {
        var (text, line, column) = Tagged(key, tag);

        var error = PanyuSeed.Load(text).Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("yaml-tag-not-allowed");
        (error.Location.Line, error.Location.Column).ShouldBe((line, column));
        error.Arguments.ShouldBe([tag.Trim(), path]);
        error.Message(Chinese).ShouldBe($"方案不读取 YAML 标签“{tag.Trim()}”：“{path}”按其本身的类型读取；请删去此标签");
        error.Message(CultureInfo.InvariantCulture).ShouldContain("remove the tag");
    }

    [Theory]
    [InlineData("title: ", "!!str ")]
    [InlineData("  year: ", "!!int ")]
    public void A_tag_that_names_the_values_own_type_is_read(string key, string tag)
    {
        PanyuSeed.Load(Tagged(key, tag).Text).Diagnostics.ShouldNotContain(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
    }

    // The seed plan with tag written before the value of the first line starting with key, and where the tag stands.
    private static (string Text, int Line, int Column) Tagged(string key, string tag)
    {
        var lines = PanyuSeed.Text.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(key, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0);
        lines[index] = key + tag + lines[index][key.Length..];
        return (string.Join('\n', lines), index + 1, key.Length + 1);
    }
}
