using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow new</c> writes a plan for a new unit on its kind's template, with a roster stub, that
/// <c>validate</c> accepts and <c>show</c> resolves with the template's actions; it never overwrites a file, and a
/// kind no template serves, or an id no plan could use, is refused before anything is written.
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly DirectoryInfo _definitions = Directory.CreateTempSubdirectory("campaignflow-cli-new-");

    public NewCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Path("definitions"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_definitions.FullName, Path.GetRelativePath(Repository.Path("definitions"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    [Fact]
    public void A_street_on_the_streets_template_validates_and_shows_the_templates_actions()
    {
        var made = CliRun.Of("new", "--kind", "street", "--unit", "weidu-nanguan-street", "--name", "魏都区南关街道党工委", "--definitions", _definitions.FullName, "--lang", "zh-CN");

        made.ExitCode.ShouldBe(0, made.Error);
        var plan = Path.Combine(_definitions.FullName, "weidu-nanguan-street-2014.yaml");
        File.Exists(plan).ShouldBeTrue();
        File.Exists(Path.Combine(_definitions.FullName, "weidu-nanguan-street.roster.yaml")).ShouldBeTrue();
        File.ReadAllLines(plan).ShouldContain("inherits: weidu-streets-2014");

        var validated = CliRun.Of("validate", _definitions.FullName, "--lang", "en");
        validated.ExitCode.ShouldBe(0, validated.Output + validated.Error);
        validated.Output.ShouldNotContain("weidu-nanguan-street-2014.yaml:");

        var shown = CliRun.Of("show", "weidu-nanguan-street-2014", "--definitions", _definitions.FullName, "--lang", "en");
        var template = CliRun.Of("show", "weidu-streets-2014", "--definitions", _definitions.FullName, "--lang", "en");
        shown.ExitCode.ShouldBe(0, shown.Error);
        shown.Output.ShouldContain("unit      weidu-nanguan-street  魏都区南关街道党工委  kind street  under weidu-district");
        Totals(shown.Output).ShouldBe(Totals(template.Output), "the new unit runs the template's actions and requirements");
    }

    [Fact]
    public void A_file_that_exists_is_not_overwritten()
    {
        string[] args = ["new", "--kind", "district-organs", "--unit", "weidu-audit-bureau", "--name", "魏都区审计局", "--definitions", _definitions.FullName, "--lang", "en"];
        CliRun.Of(args).ExitCode.ShouldBe(0);
        var plan = Path.Combine(_definitions.FullName, "weidu-audit-bureau-2014.yaml");
        File.AppendAllText(plan, "# the unit's own edits\n");

        var again = CliRun.Of(args);

        again.ExitCode.ShouldBe(2);
        again.Error.Trim().ShouldBe($"'{plan}' exists; not overwritten.");
        File.ReadAllText(plan).ShouldEndWith("# the unit's own edits\n");
    }

    [Fact]
    public void A_kind_without_a_template_and_an_unusable_id_are_refused_before_anything_is_written()
    {
        var before = Directory.GetFiles(_definitions.FullName).Length;

        var kind = CliRun.Of("new", "--kind", "ministry", "--unit", "x", "--name", "某部", "--definitions", _definitions.FullName, "--lang", "en");
        var id = CliRun.Of("new", "--kind", "street", "--unit", "Nan Guan", "--name", "南关", "--definitions", _definitions.FullName, "--lang", "zh-CN");

        kind.ExitCode.ShouldBe(2);
        kind.Error.Trim().ShouldBe($"no template plan in {_definitions.FullName} applies to kind 'ministry'; templates apply to: "
            + "community, district-organs, law-enforcement-windows, non-public-enterprise, school, social-organisation, street");
        id.ExitCode.ShouldBe(2);
        id.Error.Trim().ShouldBe("--unit：“Nan Guan”不能作为单位标识，请只用小写字母、数字和连字符（如 weidu-nanguan-street）。");
        Directory.GetFiles(_definitions.FullName).Length.ShouldBe(before);
    }

    public void Dispose() => _definitions.Delete(recursive: true);

    // show's totals line: "N actions, M requirements: …".
    private static string Totals(string shown) => shown.Split('\n').Single(l => l.Contains(" actions, ")).Trim();
}
