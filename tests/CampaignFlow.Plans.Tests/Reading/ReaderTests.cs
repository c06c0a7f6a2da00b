using CampaignFlow.Plans.Reading;

namespace CampaignFlow.Plans.Tests.Reading;

public class ReaderTests
{
    private const string Minimal = """
        plan: panyu-ftu-2014
        title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: panyu-ftu, name: 番禺区总工会 }
        campaign: { year: 2014, window: 2月-9月 }
        phases:
          - id: study
            title: 学习教育、听取意见
            window: 2月中下旬-4月下旬
        """;

    [Fact]
    public void Reads_a_plan_with_positions()
    {
        var read = PlanReader.ReadText(Minimal, "p.yaml");
        read.Diagnostics.ShouldBeEmpty();
        var plan = read.Plan.ShouldNotBeNull();
        plan.Id.ShouldBe("panyu-ftu-2014");
        plan.Unit.Name.ShouldBe("番禺区总工会");
        plan.Campaign.Year.ShouldBe(2014);
        plan.Phases.ShouldNotBeNull().Single().Window.ShouldNotBeNull().Text.ShouldBe("2月中下旬-4月下旬");
        plan.At("title").Line.ShouldBe(2);
        plan.Phases[0].At("window").ToString().ShouldBe("p.yaml:8:13");
    }

    [Fact]
    public void An_unknown_key_at_line_two_is_reported_at_line_two_column_one()
    {
        var text = Minimal.Insert(Minimal.IndexOf('\n') + 1, "colour: red\n");
        var read = PlanReader.ReadText(text, "p.yaml");
        var error = read.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("unknown-key-list");
        error.Location.ToString().ShouldBe("p.yaml:2:1");
        error.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("'colour'");
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion_in_both_languages()
    {
        var text = Minimal.Replace("window: 2月中下旬-4月下旬", "windw: 2月中下旬-4月下旬");
        var error = PlanReader.ReadText(text, "p.yaml").Diagnostics.ShouldHaveSingleItem();
        error.Message(new System.Globalization.CultureInfo("en")).ShouldBe("unknown key 'windw' in phase — did you mean 'window'?");
        error.Message(new System.Globalization.CultureInfo("zh-CN")).ShouldBe("phase 中有未知的键“windw”——是否应为“window”？");
    }

    [Fact]
    public void A_yaml_syntax_error_is_a_finding_not_an_exception()
    {
        var read = PlanReader.ReadText("plan: [unclosed\ntitle: x\n", "p.yaml");
        read.Plan.ShouldBeNull();
        read.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("yaml-syntax");
    }

    [Fact]
    public void A_duplicate_key_is_a_finding()
    {
        var text = Minimal + "\ntitle: again\n";
        var read = PlanReader.ReadText(text, "p.yaml");

        var finding = read.Diagnostics.ShouldHaveSingleItem();
        finding.Code.ShouldBe("duplicate-key");
        finding.Location.Line.ShouldBe(text.Split('\n').Length - 1);
        finding.Message(new System.Globalization.CultureInfo("zh-CN")).ShouldBe("“title”在此重复出现：同一层中每个键只能写一次");
        finding.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("'title' is given twice here: each key of a mapping is written once");
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Nesting_deeper_than_the_limit_is_a_finding_not_a_crash(string open, string close)
    {
        // 100 000 levels overflowed the stack inside YamlDotNet and killed the process (the server with it).
        var text = "plan: " + string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";

        var read = PlanReader.ReadText(text, "p.yaml");

        read.Plan.ShouldBeNull();
        var error = read.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("yaml-too-deep");
        error.Location.ToString().ShouldBe($"p.yaml:1:{7 + (PlanReader.MaxDepth - 1) * open.Length}");
        error.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldBe($"this nests deeper than {PlanReader.MaxDepth} levels");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var text = "plan: " + new string('[', PlanReader.MaxDepth - 1) + new string(']', PlanReader.MaxDepth - 1) + "\n";

        PlanReader.Parse(text, "p.yaml", new CampaignFlow.Plans.Diagnostics.DiagnosticBag()).ShouldNotBeNull();
    }
}
