using System.Globalization;
using System.Text;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Reading;

/// <summary>
/// A roster or holidays file an editor saved in GBK is one finding, <c>file-not-utf8</c> at its first foreign byte, as
/// a plan is (ADR 0023): it is not read a second time leniently, so none of its names turned into U+FFFD becomes a
/// finding of its own, and the plans that need it wait for it rather than being judged without it.
/// </summary>
public sealed class ForeignRosterAndHolidaysTests : IDisposable
{
    private static readonly Encoding Gbk = GbkEncoding();

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cf-foreign-roster-");

    [Fact]
    public void A_seed_roster_saved_in_GBK_is_one_finding_at_its_first_foreign_byte()
    {
        Repository.CopyFolder("definitions", _folder.FullName);
        var (roster, line, column) = SaveInGbk("panyu-ftu.roster.yaml");

        var catalog = PlanCatalog.Load([_folder.FullName]);

        var finding = catalog.Diagnostics.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));
        finding.Code.ShouldBe("file-not-utf8");
        finding.Location.ToString().ShouldBe($"{roster}:{line}:{column}");
        catalog.Plans.Keys.ShouldNotContain("panyu-ftu-2014", "its people are in the file it waits for");
        catalog.Plans.Keys.ShouldContain("mianyang-ftu-2014");
    }

    [Fact]
    public void The_holidays_file_saved_in_GBK_is_said_once_and_the_plans_below_its_plans_only_point_up()
    {
        Repository.CopyFolder("definitions", _folder.FullName);
        var (holidays, line, column) = SaveInGbk(Path.Combine("calendar", "china.holidays.yaml"));

        var catalog = PlanCatalog.Load([_folder.FullName]);

        var refused = catalog.Diagnostics.Where(d => d.Code == "file-not-utf8").ShouldHaveSingleItem("once, however many plans name it");
        refused.Location.ToString().ShouldBe($"{holidays}:{line}:{column}");
        // Every other finding is a plan's inherits pointing at its parent, which waits for the file.
        foreach (var other in catalog.Diagnostics.Where(d => d != refused))
        {
            other.Code.ShouldBe("parent-has-errors", other.ToString());
            var written = File.ReadAllLines(other.Location.File)[other.Location.Line - 1];
            written.TrimStart().ShouldStartWith("inherits:");
        }

        catalog.Diagnostics.ShouldAllBe(d => !d.Message(CultureInfo.GetCultureInfo("zh-CN")).Contains('\uFFFD') && !d.Message(CultureInfo.InvariantCulture).Contains('\uFFFD'));
        catalog.Plans.Values.Where(p => p.Template is null).ShouldBeEmpty("every seed plan names the holidays file or inherits it");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    // The copy's file saved whole in GBK, and the line and column (from 1, in characters) of its first byte that is no
    // UTF-8: not always its first Chinese character's, whose two GBK bytes may happen to be one UTF-8 character (全).
    private (string File, int Line, int Column) SaveInGbk(string name)
    {
        var file = Path.Combine(_folder.FullName, name);
        var bytes = Gbk.GetBytes(File.ReadAllText(file));
        File.WriteAllBytes(file, bytes);
        var (line, column, at) = (1, 1, 0);
        while (Rune.DecodeFromUtf8(bytes.AsSpan(at), out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + rune.Utf16SequenceLength);
            at += consumed;
        }

        return (file, line, column);
    }

    private static Encoding GbkEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }
}
