using CampaignFlow.Plans.Reading;
using CampaignFlow.Tests.Shared;

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
        error.Message(new System.Globalization.CultureInfo("zh-CN")).ShouldBe("阶段中有未知的键“windw”——是否应为“window”？");
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

    [Fact]
    public void A_tab_indenting_a_key_is_reported_at_its_line()
    {
        // An editor's tab for indentation; was reported at 1:1, whatever the line.
        var text = Minimal.Replace("  - id: study", "\t- id: study");
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith('\t')) + 1;

        var error = PlanReader.ReadText(text, "p.yaml").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("yaml-syntax");
        error.Location.Line.ShouldBe(line);
    }

    [Fact]
    public void A_file_not_saved_as_utf8_is_reported_at_its_first_foreign_byte()
    {
        // A title saved by an editor in GBK: was read with U+FFFD in place of each byte, a valid plan with a garbled title.
        var lines = Minimal.Split('\n');
        var titleLine = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
        var gbk = new byte[] { 0xB7, 0xAC, 0xD3, 0xD8 };
        var bytes = lines.SelectMany((l, i) => (i == titleLine ? [.. "title: "u8.ToArray(), .. gbk] : System.Text.Encoding.UTF8.GetBytes(l)).Append((byte)'\n')).ToArray();
        var file = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(file, bytes);

        var read = PlanReader.ReadFile(file);

        read.Plan.ShouldBeNull();
        var error = read.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("file-not-utf8");
        error.Location.ToString().ShouldBe($"{file}:{titleLine + 1}:{"title: ".Length + 1}");
        error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("UTF-8");
    }

    [Fact]
    public void A_file_with_a_utf8_byte_order_mark_is_read()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, Minimal, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var read = PlanReader.ReadFile(file);

        read.Diagnostics.ShouldBeEmpty();
        read.Plan.ShouldNotBeNull().At("title").Line.ShouldBe(2);
    }

    [Fact]
    public void A_file_larger_than_any_plan_is_refused_before_it_is_parsed()
    {
        // A 30 MB list took 17 s and 2 GB of memory to parse; a few hundred MB took the machine's memory.
        var huge = Minimal + "\nsource: [" + string.Join(',', Enumerable.Repeat("PY-01", PlanReader.MaxFileBytes / 6 + 1)) + "]\n";
        var file = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, huge);

        foreach (var read in new[] { PlanReader.ReadFile(file), PlanReader.ReadText(huge, "p.yaml") })
        {
            read.Plan.ShouldBeNull();
            var error = read.Diagnostics.ShouldHaveSingleItem();
            error.Code.ShouldBe("file-too-large");
            error.Location.Line.ShouldBe(1);
        }
    }

    [Fact]
    public void A_roster_or_holidays_file_larger_than_any_plan_is_refused_before_it_is_parsed()
    {
        // The seed plan with its roster and holidays files, each in turn padded past the plan's limit.
        var plan = Repository.Path("definitions", "panyu-ftu-2014.yaml");
        var roster = Repository.Path("definitions", "panyu-ftu.roster.yaml");
        var holidays = Repository.Path("definitions", "calendar", "china.holidays.yaml");
        var padding = "\n# " + new string('x', PlanReader.MaxFileBytes) + "\n";
        foreach (var padded in new[] { roster, holidays })
        {
            string? Read(string path) => path == padded ? File.ReadAllText(path) + padding : File.Exists(path) ? File.ReadAllText(path) : null;

            var read = PlanReader.ReadText(File.ReadAllText(plan), plan, Read);

            var error = read.Diagnostics.ShouldHaveSingleItem();
            error.Code.ShouldBe("file-too-large");
            error.Location.File.ShouldBe(padded);
            error.Location.Line.ShouldBe(1);
        }
    }

    [Fact]
    public void An_alias_to_no_anchor_is_reported_where_the_alias_is()
    {
        // Was reported at the end of the document, where YamlDotNet resolves aliases.
        var text = Minimal.Replace("title: 学习教育、听取意见", "title: *study-title");
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("*study-title", StringComparison.Ordinal));

        var error = PlanReader.ReadText(text, "p.yaml").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("yaml-syntax");
        error.Location.ToString().ShouldBe($"p.yaml:{line + 1}:{lines[line].IndexOf('*', StringComparison.Ordinal) + 1}");
    }

    [Theory]
    [InlineData("  - id: study", "\t- id: study", "制表符")]
    [InlineData("unit: { id: panyu-ftu, name: 番禺区总工会 }", "unit: { id: panyu-ftu, name: 番禺区总工会", "没有闭合")]
    [InlineData("unit: { id: panyu-ftu, name: 番禺区总工会 }", "unit: { id: panyu-ftu name: 番禺区总工会 }", "花括号“{”")]
    [InlineData("campaign: { year: 2014, window: 2月-9月 }", "campaign: { year: 2014, window: [2月-9月 }", "方括号")]
    [InlineData("title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案", "title: '番禺区总工会", "引号")]
    [InlineData("title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案", "title: @番禺区总工会", "引号")]
    [InlineData("    title: 学习教育、听取意见", "     title: 学习教育、听取意见", "缩进")]
    [InlineData("    title: 学习教育、听取意见", "    title: *title", "锚点")]
    [InlineData("title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案", "title: \"番禺\\q区总工会\"", "转义")]
    [InlineData("title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案", "title: \"番禺\\x4G\"", "转义")]
    [InlineData("campaign: { year: 2014, window: 2月-9月 }", "campaign: { year: 2014, window: - 2月 }", "应有一个值")]
    [InlineData("phases:", "phases: - id: plan", "同一行")]
    [InlineData("title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案", "title: & 番禺区总工会", "锚点或别名")]
    [InlineData("title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案", "title: | 番禺区总工会", "下一行")]
    public void A_yaml_syntax_error_is_said_in_chinese(string line, string broken, string said)
    {
        // YamlDotNet's reason was put into the Chinese sentence in English: "YAML 语法错误：While scanning a mapping, …".
        var error = PlanReader.ReadText(Minimal.Replace(line, broken, StringComparison.Ordinal), "p.yaml").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("yaml-syntax");
        var chinese = error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        chinese.ShouldContain(said);
        chinese.ShouldNotContain("While");
        chinese.ShouldNotContain("found");
    }

    [Fact]
    public void A_duplicate_key_is_named_in_both_languages()
    {
        var error = PlanReader.ReadText(Minimal + "\ntitle: again\n", "p.yaml").Diagnostics.ShouldHaveSingleItem();

        error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("“title”");
        error.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("'title'");
    }

    [Theory]
    [InlineData("folder", "文件夹")]
    [InlineData("missing", "不存在")]
    public void A_file_that_cannot_be_read_is_said_in_chinese(string what, string said)
    {
        // .NET's English sentence was put into the Chinese one: "无法读取文件：Access to the path '…' is denied."
        var path = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}.yaml");
        if (what == "folder")
        {
            Directory.CreateDirectory(path);
        }

        var error = PlanReader.ReadFile(path).Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("file-unreadable");
        var chinese = error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        chinese.ShouldContain(said);
        chinese.ShouldNotContain("Access");
        chinese.ShouldNotContain("Could not");
    }

    [Fact]
    public void A_roster_not_saved_as_utf8_is_reported_at_its_first_foreign_byte()
    {
        // The seed's roster with its first branch's name saved in GBK: the plan validated with U+FFFD in the name.
        var folder = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var roster = File.ReadAllBytes(Repository.Path("definitions", "panyu-ftu.roster.yaml"));
        var branch = System.Text.Encoding.UTF8.GetBytes("区总机关支部");
        var at = roster.AsSpan().IndexOf(branch);
        at.ShouldBeGreaterThan(0);
        byte[] gbk = [0xC7, 0xF8, 0xD7, 0xDC];
        File.WriteAllBytes(Path.Combine(folder, "panyu-ftu.roster.yaml"), [.. roster[..at], .. gbk, .. roster[(at + branch.Length)..]]);
        var plan = Path.Combine(folder, "p.yaml");
        File.WriteAllText(plan, Minimal + "\nroster: panyu-ftu.roster.yaml\n");
        var line = System.Text.Encoding.UTF8.GetString(roster[..at]).Count(c => c == '\n') + 1;

        var error = PlanReader.ReadFile(plan).Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("file-not-utf8");
        error.Location.File.ShouldBe(Path.Combine(folder, "panyu-ftu.roster.yaml"));
        error.Location.Line.ShouldBe(line);
    }

    [Fact]
    public void Aliases_that_expand_past_the_limit_are_a_finding_not_a_hang()
    {
        // Each level names the one below twice: 2^30 conditions to bind from a few lines ran for minutes.
        var levels = string.Concat(Enumerable.Range(1, 30).Select(i => $"  - &w{i} {{ any: [*w{i - 1}, *w{i - 1}] }}\n"));
        var text = "bombs:\n  - &w0 { byExpert: true }\n" + levels + Minimal + "\n    where: *w30\n";
        var lines = text.Split('\n');

        var read = PlanReader.ReadText(text, "p.yaml");

        read.Plan.ShouldBeNull();
        var error = read.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("yaml-aliases-too-large");
        lines[error.Location.Line - 1].ShouldContain("*w");
    }

    [Fact]
    public void An_alias_or_two_is_read()
    {
        var text = Minimal.Replace("unit: { id: panyu-ftu, name: 番禺区总工会 }", "unit: &unit { id: panyu-ftu, name: 番禺区总工会 }", StringComparison.Ordinal)
            + "\nsupervisor: *unit\n";

        PlanReader.ReadText(text, "p.yaml").Diagnostics.ShouldAllBe(d => d.Code != "yaml-aliases-too-large");
    }
}
