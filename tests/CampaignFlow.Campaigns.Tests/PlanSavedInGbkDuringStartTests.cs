using System.Text;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Timing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// The service snapshots each plan's files (plan, roster, holidays) into the version it publishes after the catalog has
/// checked them. 番禺区总工会's roster saved again in GBK in between (an editor saving while the server starts) is
/// <c>file-not-utf8</c> at its first foreign byte, as a plan the catalog refuses: the plan is not published with a
/// garbled roster, its unit does not run, the others do.
/// </summary>
public sealed class PlanSavedInGbkDuringStartTests : IDisposable
{
    // 苏治邦 in GBK.
    private static readonly byte[] Gbk = [0xCB, 0xD5, 0xD6, 0xCE, 0xB0, 0xEE];

    private readonly string _definitions = Path.Combine(Path.GetTempPath(), "campaignflow-definitions-" + Guid.NewGuid().ToString("N"));

    public PlanSavedInGbkDuringStartTests()
    {
        Repository.CopyPlans(_definitions);
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_roster_saved_in_gbk_after_the_check_is_file_not_utf8_and_its_plan_is_not_published()
    {
        var roster = Path.Combine(_definitions, "panyu-ftu.roster.yaml");
        var bytes = File.ReadAllBytes(roster);
        var utf8 = Encoding.UTF8.GetBytes("苏治邦");
        var at = bytes.AsSpan().IndexOf(utf8);
        at.ShouldBeGreaterThan(0);
        var before = Encoding.UTF8.GetString(bytes[..at]);
        var (line, column) = (before.Count(c => c == '\n') + 1, before.Length - (before.LastIndexOf('\n') + 1) + 1);
        var plans = new SavedWhileListing(new InMemoryPlanStore(), () => File.WriteAllBytes(roster, [.. bytes[..at], .. Gbk, .. bytes[(at + utf8.Length)..]]));
        var stores = new CampaignStores(new InMemoryWorkflowStore(), new InMemoryRecordStore(), new InMemoryViolationStore(), plans);

        await using var service = await CampaignService.StartAsync(stores,
            new CampaignOptions { DefinitionsPath = _definitions, Clock = new ManualClock(CampaignHarness.At(CampaignHarness.Day("2014-02-01"))), HostId = "test" },
            NullLogger<CampaignService>.Instance, CancellationToken.None);

        var problem = service.LoadProblems.ShouldHaveSingleItem();
        (problem.File, problem.Line, problem.Column, problem.Code).ShouldBe(("panyu-ftu.roster.yaml", line, column, "file-not-utf8"));
        problem.MessageZh.ShouldBe("文件不是以 UTF-8 编码保存的：此处的字节 0xCB 不是 UTF-8 字符；请将文件另存为 UTF-8 编码");
        problem.MessageEn.ShouldContain("0xCB");
        (await plans.ListAsync()).ShouldNotContain(v => v.PlanId == "panyu-ftu-2014");
        service.FindUnit("panyu-ftu").ShouldBeNull();
        service.FindUnit("mianyang-ftu").ShouldNotBeNull();
    }

    /// <summary>A plan store that runs <c>saved</c> once, on the first listing: after the catalog has read the folder.</summary>
    private sealed class SavedWhileListing(IPlanStore inner, Action saved) : IPlanStore
    {
        private Action? _saved = saved;

        public ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default) => inner.PublishAsync(version, cancellationToken);

        public ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default) => inner.GetAsync(planId, version, cancellationToken);

        public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Exchange(ref _saved, null)?.Invoke();
            return inner.ListAsync(cancellationToken);
        }
    }
}
