using System.Text;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>
/// An organisation CSV saved by Excel in a Chinese office is GBK, and a groups file an editor saved so is too: each is
/// <c>file-not-utf8</c> at its first foreign byte, as a plan is, and none of its names reaches the chart as U+FFFD.
/// </summary>
public sealed class ForeignEncodingTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cf-foreign-encoding-");

    [Fact]
    public void A_units_CSV_saved_in_GBK_is_refused_at_its_first_foreign_byte()
    {
        // 中共 of the district's name, in GBK.
        var (file, line, column) = WithGbk(Repository.Path("definitions", "organisation", "weidu-district.units.csv"), "中共", [0xD6, 0xD0, 0xB9, 0xB2]);

        var catalog = PlanCatalog.Load([file]);

        var error = catalog.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("file-not-utf8");
        error.Location.ToString().ShouldBe($"{file}:{line}:{column}");
        error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("0xD6");
        catalog.Organisation.Units.ShouldBeEmpty();
    }

    [Fact]
    public void A_groups_file_saved_in_GBK_is_refused_at_its_first_foreign_byte()
    {
        // 区委 of the first group's name, in GBK.
        var (file, line, column) = WithGbk(Repository.Path("definitions", "organisation", "weidu-district.groups.yaml"), "区委第一", [0xC7, 0xF8, 0xCE, 0xAF, 0xB5, 0xDA, 0xD2, 0xBB]);

        var catalog = PlanCatalog.Load([file]);

        var error = catalog.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("file-not-utf8");
        error.Location.ToString().ShouldBe($"{file}:{line}:{column}");
        catalog.Organisation.Groups.ShouldBeEmpty();
    }

    [Fact]
    public void A_units_CSV_with_a_UTF8_byte_order_mark_is_read()
    {
        var seed = Repository.Path("definitions", "organisation", "weidu-district.units.csv");
        var file = Path.Combine(_folder.FullName, Path.GetFileName(seed));
        File.WriteAllBytes(file, [.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(seed)]);

        var catalog = PlanCatalog.Load([file]);

        catalog.Diagnostics.ShouldNotContain(d => d.Code == "file-not-utf8");
        catalog.Organisation.Units.ShouldContain(u => u.Name == "中共魏都区委");
    }

    [Theory]
    [InlineData("weidu-district.units.csv")]
    [InlineData("weidu-district.groups.yaml")]
    public void An_organisation_or_groups_file_over_the_limit_is_too_large_before_it_is_read(string name)
    {
        // The seed file padded past the limit (sparsely: its length is what is checked, before a byte is read).
        var file = Path.Combine(_folder.FullName, name);
        File.Copy(Repository.Path("definitions", "organisation", name), file);
        using (var stream = File.OpenWrite(file))
        {
            stream.SetLength(OrganisationReader.MaxFileBytes + 1L);
        }

        var catalog = PlanCatalog.Load([file]);

        var error = catalog.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("file-too-large");
        error.Location.ToString().ShouldBe($"{file}:1:1");
        error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain((OrganisationReader.MaxFileBytes + 1L).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_province_of_fifty_thousand_units_is_well_within_the_limit()
    {
        // Each seed line again under another id, 50,000 lines in all: what a province's file holds.
        var seed = File.ReadAllLines(Repository.Path("definitions", "organisation", "weidu-district.units.csv"));
        var lines = seed.Skip(1).Where(l => l.Length > 0).ToArray();
        var file = Path.Combine(_folder.FullName, "province.units.csv");
        File.WriteAllLines(file, [seed[0], .. Enumerable.Range(0, 50_000).Select(i => $"p{i}-" + lines[i % lines.Length])]);

        var diagnostics = new DiagnosticBag();
        var units = OrganisationReader.ReadFile(file, diagnostics);

        new FileInfo(file).Length.ShouldBeLessThan(OrganisationReader.MaxFileBytes / 8);
        diagnostics.Items.ShouldNotContain(d => d.Code == "file-too-large");
        units.Count.ShouldBe(50_000);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    // The seed file with the first occurrence of text written in GBK, and where its first byte is.
    private (string File, int Line, int Column) WithGbk(string seed, string text, byte[] gbk)
    {
        var bytes = File.ReadAllBytes(seed);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var at = bytes.AsSpan().IndexOf(utf8);
        at.ShouldBeGreaterThan(0);
        var file = Path.Combine(_folder.FullName, Path.GetFileName(seed));
        File.WriteAllBytes(file, [.. bytes[..at], .. gbk, .. bytes[(at + utf8.Length)..]]);
        var before = Encoding.UTF8.GetString(bytes[..at]);
        return (file, before.Count(c => c == '\n') + 1, before.Length - (before.LastIndexOf('\n') + 1) + 1);
    }
}
