using System.Globalization;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Plans are published as immutable versions; a change needs a new version, and plans can be validated before.</summary>
public sealed class PlanPublishingTests : IDisposable
{
    private readonly string _definitions = Path.Combine(Path.GetTempPath(), "campaignflow-definitions-" + Guid.NewGuid().ToString("N"));

    public PlanPublishingTests()
    {
        Repository.CopyPlans(_definitions);
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_plan_changed_without_a_new_version_is_refused_and_a_new_version_reaches_the_running_unit_by_a_migration()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"), _definitions);
        var file = Path.Combine(_definitions, "panyu-ftu-2014.yaml");
        var original = await File.ReadAllTextAsync(file);
        await (await h.StartAsync()).DisposeAsync();
        var published = (await h.Stores.Plans.ListAsync()).Single(v => v.PlanId == "panyu-ftu-2014");
        // The holidays file is stored with the version, as the roster is: the version is judged with the days it was published with.
        published.Files.Select(f => f.Path).ShouldBe(["panyu-ftu-2014.yaml", "panyu-ftu.roster.yaml", "calendar/china.holidays.yaml"]);

        await File.WriteAllTextAsync(file, original.Replace("title: 番禺区总工会", "title: 番禺区总工会（修订）", StringComparison.Ordinal));
        await using (var changed = await h.StartAsync())
        {
            var problem = changed.LoadProblems.ShouldHaveSingleItem();
            (problem.File, problem.Code, problem.Line).ShouldBe(("panyu-ftu-2014.yaml", "plan-changed-without-version", 4));
            problem.MessageEn.ShouldContain("raise 'version:' (to 2)");
            problem.MessageZh.ShouldContain("请把“version:”改为 2");
            changed.FindPlan("panyu-ftu-2014")!.Title.ShouldBe("番禺区总工会深入开展党的群众路线教育实践活动实施方案");
            changed.FindUnit("panyu-ftu")!.PlanVersion.ShouldBe(1);
        }

        // Version 2 is published, but the unit keeps running version 1: moving a running unit is a migration's work.
        await File.WriteAllTextAsync(file, original.Replace("title: 番禺区总工会", "version: 2\ntitle: 番禺区总工会（修订）", StringComparison.Ordinal));
        await using var bumped = await h.StartAsync();
        bumped.LoadProblems.ShouldBeEmpty();
        (await h.Stores.Plans.ListAsync()).Where(v => v.PlanId == "panyu-ftu-2014").Select(v => v.Version).ShouldBe([1, 2]);
        bumped.FindUnit("panyu-ftu")!.PlanVersion.ShouldBe(1, "the running unit stays on its version until migrated");
        var v1 = await h.Stores.Workflows.FindInstanceIdAsync("panyu-ftu-2014", "panyu-ftu@1");
        (await h.Stores.Workflows.GetInstanceAsync(v1!))!.Status.ShouldBe(Workflows.Instances.WorkflowStatus.Running);

        await bumped.MigrateAsync(new Migrating.MigrationRequest("panyu-ftu-2014", 2, "admin") { AcceptLostProgress = true });

        bumped.FindUnit("panyu-ftu")!.ShouldSatisfyAllConditions(u => u.PlanVersion.ShouldBe(2), u => u.Title.ShouldStartWith("番禺区总工会（修订）"));
        (await h.Stores.Workflows.GetInstanceAsync(v1!))!.Status.ShouldBe(Workflows.Instances.WorkflowStatus.Cancelled);
        (await WorkflowTests.StateAsync(bumped, "panyu-ftu")).WorkflowStatus.ShouldBe("Running");
    }

    // ADR 0014: a unit with a running, faulted or completed instance stays on its version. On the real clock every seed
    // campaign is over and its instance completed: a version 2 published then moved the unit at the next start, its
    // records judged by requirements it never ran under, with no migration to show or refuse it.
    [Fact]
    public async Task A_unit_whose_campaign_is_over_stays_on_its_version_when_a_new_one_is_published()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-10-10"), _definitions);
        var file = Path.Combine(_definitions, "panyu-ftu-2014.yaml");
        var original = await File.ReadAllTextAsync(file);
        await using (var first = await h.StartAsync())
        {
            await h.TickToAsync(first, CampaignHarness.Day("2014-10-11"));
        }

        var v1 = await h.Stores.Workflows.FindInstanceIdAsync("panyu-ftu-2014", "panyu-ftu@1");
        (await h.Stores.Workflows.GetInstanceAsync(v1!))!.Status.ShouldBe(Workflows.Instances.WorkflowStatus.Completed);

        await File.WriteAllTextAsync(file, original.Replace("title: 番禺区总工会", "version: 2\ntitle: 番禺区总工会（修订）", StringComparison.Ordinal));
        await using var bumped = await h.StartAsync();

        bumped.LoadProblems.ShouldBeEmpty();
        bumped.FindUnit("panyu-ftu")!.PlanVersion.ShouldBe(1, "the unit stays on the version its completed campaign ran until migrated");
        (await h.Stores.Workflows.FindInstanceIdAsync("panyu-ftu-2014", "panyu-ftu@2")).ShouldBeNull();
    }

    [Fact]
    public async Task An_uploaded_plan_is_validated_against_the_definitions_with_findings_at_line_and_column()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"), _definitions);
        await using var service = await h.StartAsync();
        var text = (await File.ReadAllTextAsync(Path.Combine(_definitions, "weidu-xiguan-street-2014.yaml")))
            .Replace("supervisor: 区委第三督导组", "supervisr: 区委第三督导组", StringComparison.Ordinal);

        var findings = service.ValidatePlan(text, "upload.yaml");

        var finding = findings.ShouldHaveSingleItem();
        (finding.Code, finding.Location.File, finding.Location.Line, finding.Location.Column).ShouldBe(("unknown-key", "upload.yaml", 10, 1));
        finding.Message(CultureInfo.GetCultureInfo("en")).ShouldContain("supervisor");
        service.ValidatePlan(await File.ReadAllTextAsync(Path.Combine(_definitions, "weidu-xiguan-street-2014.yaml")), "upload.yaml")
            .ShouldNotContain(d => d.Severity == Plans.Diagnostics.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Every_demo_record_survives_the_codec_and_re_encodes_to_the_same_payload()
    {
        foreach (var plan in DemoLogs.Plans)
        {
            var resolved = Plans.Loading.PlanCatalog.Load([Repository.Path("definitions")]).Plans[plan];
            var log = Compliance.Logs.ActivityLogReader.ReadFile(DemoLogs.Path(plan), resolved);
            foreach (var record in log.Records)
            {
                var stored = RecordCodec.Encode(record, DateTimeOffset.UnixEpoch, "test");
                var decoded = RecordCodec.Decode(stored);
                RecordCodec.Encode(decoded, DateTimeOffset.UnixEpoch, "test").Payload.ShouldBe(stored.Payload, record.Key);
                decoded.GetType().ShouldBe(record.GetType());
                (decoded.Key, decoded.Unit, decoded.Day).ShouldBe((record.Key, record.Unit, record.Day));
                stored.Payload.ShouldNotContain("\\u");
            }
        }
    }
}
