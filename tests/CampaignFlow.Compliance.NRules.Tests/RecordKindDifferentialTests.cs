using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// The compliance tests' scenarios by kind of record: each demo log without its exceptions (xiguan's soft WD-02
/// warning then stays open), reviews, publications, documents, ledger items or activities, on both engines.
/// </summary>
public class RecordKindDifferentialTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var log in SeedLogs.Names)
        {
            foreach (var kind in new[] { nameof(ExceptionRecord), nameof(ReviewRecord), nameof(PublicationRecord), nameof(DocumentRecord), nameof(LedgerItemRecord), nameof(ActivityRecord) })
            {
                cases.Add(log, kind);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_engines_agree_on_a_demo_log_without_one_kind_of_record(string log, string kind)
    {
        var ours = BothEngines.ShouldAgree(log, SeedLogs.Log(log).Records.Where(r => r.GetType().Name != kind), null, $"{log} without {kind}s");
        ours.History.ShouldNotBeEmpty();
    }

    [Fact]
    public void Xiguan_without_its_exception_keeps_the_soft_warning_on_both_engines()
    {
        const string log = "weidu-xiguan-street-2014";
        var open = BothEngines.ShouldAgree(log, SeedLogs.Log(log).Records.Where(r => r is not ExceptionRecord), null, $"{log} without its exception");
        open.Violations.ShouldContain(v => v.Source.Contains("WD-02") && v.Severity == Plans.Requirements.Severity.Soft);
    }
}
