using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The contract every <see cref="IPlanStore"/> must honour: a published (plan, version) never changes. A store's
/// test project derives a class from this one and supplies a fresh, empty store per call of <see cref="CreateStore"/>.
/// </summary>
public abstract class PlanStoreConformance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IPlanStore CreateStore();

    private static void ShouldBeSame(PlanVersion? actual, PlanVersion expected)
    {
        actual.ShouldNotBeNull();
        actual.PlanId.ShouldBe(expected.PlanId);
        actual.Version.ShouldBe(expected.Version);
        actual.Unit.ShouldBe(expected.Unit);
        actual.Hash.ShouldBe(expected.Hash);
        actual.PublishedAt.ShouldBe(expected.PublishedAt);
        actual.PublishedAt.Offset.ShouldBe(expected.PublishedAt.Offset);
        actual.Files.ShouldBe(expected.Files);
    }

    [Fact]
    public async Task A_new_version_is_created_and_reads_back_exactly()
    {
        var store = CreateStore();
        var version = Version(Plan, 1, PanyuFiles());

        var result = await store.PublishAsync(version);

        result.Outcome.ShouldBe(PublishOutcome.Created);
        ShouldBeSame(result.Stored, version);
        ShouldBeSame(await store.GetAsync(Plan, 1), version);
        (await store.GetAsync(Plan, 2)).ShouldBeNull();
        (await store.GetAsync("guangxi-ftu-2013", 1)).ShouldBeNull();
    }

    [Fact]
    public async Task Publishing_the_same_content_again_is_unchanged_and_keeps_the_first_publication()
    {
        var store = CreateStore();
        var first = Version(Plan, 1, PanyuFiles());
        await store.PublishAsync(first);

        // Another host, a day later, publishes the same files.
        var result = await store.PublishAsync(Version(Plan, 1, PanyuFiles(), at: first.PublishedAt.AddDays(1)));

        result.Outcome.ShouldBe(PublishOutcome.Unchanged);
        ShouldBeSame(result.Stored, first);
        ShouldBeSame(await store.GetAsync(Plan, 1), first);
        (await store.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_other_content_under_a_published_version_is_a_conflict_and_changes_nothing()
    {
        var store = CreateStore();
        var first = Version(Plan, 1, PanyuFiles());
        await store.PublishAsync(first);
        var edited = PanyuFiles().Select((f, i) => i == 0 ? f with { Text = f.Text.Replace("每周集中学习", "每两周集中学习", StringComparison.Ordinal) } : f).ToList();

        var result = await store.PublishAsync(Version(Plan, 1, edited, at: first.PublishedAt.AddDays(1)));

        result.Outcome.ShouldBe(PublishOutcome.Conflict);
        ShouldBeSame(result.Stored, first);
        ShouldBeSame(await store.GetAsync(Plan, 1), first);

        // The fix is a new version number.
        var second = Version(Plan, 2, edited, at: first.PublishedAt.AddDays(1));
        (await store.PublishAsync(second)).Outcome.ShouldBe(PublishOutcome.Created);
        ShouldBeSame(await store.GetAsync(Plan, 2), second);
        ShouldBeSame(await store.GetAsync(Plan, 1), first);
    }

    [Fact]
    public async Task The_list_is_ordered_by_plan_then_version()
    {
        var store = CreateStore();
        var files = PanyuFiles();
        PlanVersion[] published =
        [
            Version(Plan, 10, files),
            Version("weidu-xiguan-street-2014", 1, [new("weidu-xiguan-street-2014.yaml", "plan: weidu-xiguan-street-2014\ntitle: 西关街道\n")], unit: OtherUnit),
            Version(Plan, 2, files),
            Version("Panyu-ftu-2014", 1, files),
            Version(Plan, 9, files),
        ];
        foreach (var version in published)
        {
            (await store.PublishAsync(version)).Outcome.ShouldBe(PublishOutcome.Created);
        }

        var list = await store.ListAsync();

        // Plan ids ordinally ('P' before 'p'), versions numerically (9 before 10).
        list.Select(v => (v.PlanId, v.Version)).ShouldBe([("Panyu-ftu-2014", 1), (Plan, 2), (Plan, 9), (Plan, 10), ("weidu-xiguan-street-2014", 1)]);
        ShouldBeSame(list[^1], published[1]);
    }

    [Fact]
    public async Task One_plans_list_holds_its_versions_alone_oldest_first()
    {
        var store = CreateStore();
        var published = await PublishAsync(store, MixedVersions());

        var list = await store.ListAsync(Plan);

        // Ids compared exactly ('Panyu-…' is another plan), versions numerically (9 before 10).
        list.Select(v => (v.PlanId, v.Version)).ShouldBe([(Plan, 2), (Plan, 9), (Plan, 10)]);
        ShouldBeSame(list[^1], published[0]);
        (await store.ListAsync("guangxi-ftu-2013")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_highest_version_of_every_plan_is_read_at_once()
    {
        var store = CreateStore();
        (await store.HighestVersionsAsync()).ShouldBeEmpty();
        await PublishAsync(store, MixedVersions());

        var highest = await store.HighestVersionsAsync();

        // Versions compared numerically (10 over 9), ids exactly ('Panyu-…' is another plan); as the whole list says.
        highest.ShouldBe(new Dictionary<string, int> { [Plan] = 10, ["Panyu-ftu-2014"] = 1, ["weidu-xiguan-street-2014"] = 1 }, ignoreOrder: true);
        highest.ShouldBe((await store.ListAsync()).GroupBy(v => v.PlanId).ToDictionary(g => g.Key, g => g.Max(v => v.Version)), ignoreOrder: true);
    }

    // Versions of three plans published out of order: 番禺's 10, 2 and 9, a plan whose id differs only in case, 西关街道's.
    private PlanVersion[] MixedVersions()
    {
        var files = PanyuFiles();
        return
        [
            Version(Plan, 10, files),
            Version("Panyu-ftu-2014", 1, files),
            Version(Plan, 2, files),
            Version("weidu-xiguan-street-2014", 1, [new("weidu-xiguan-street-2014.yaml", "plan: weidu-xiguan-street-2014\ntitle: 西关街道\n")], unit: OtherUnit),
            Version(Plan, 9, files),
        ];
    }

    private static async Task<PlanVersion[]> PublishAsync(IPlanStore store, PlanVersion[] versions)
    {
        foreach (var version in versions)
        {
            (await store.PublishAsync(version)).Outcome.ShouldBe(PublishOutcome.Created);
        }

        return versions;
    }

    [Fact]
    public async Task An_empty_store_lists_nothing()
    {
        var store = CreateStore();

        (await store.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Files_come_back_exactly_in_their_order_whatever_they_hold()
    {
        var store = CreateStore();
        IReadOnlyList<PlanSourceFile> files =
        [
            new("plans/番禺区总工会 2014.yaml", "plan: panyu-ftu-2014\r\ntitle: 番禺区总工会深入开展党的群众路线教育实践活动实施方案\r\n"),
            new("panyu-ftu.roster.yaml", "  leading-group:\t[苏志邦, 陈慧敏]   \n\n"),
            new("zz-first-by-order.yaml", "\"quotes\" and \\backslashes\\ and \u2028 and 😀 and “全角引号”"),
            new("empty.yaml", ""),
        ];
        var version = Version(Plan, 1, files);

        await store.PublishAsync(version);

        var stored = (await store.GetAsync(Plan, 1))!;
        stored.Files.Count.ShouldBe(4);
        for (var i = 0; i < files.Count; i++)
        {
            stored.Files[i].Path.ShouldBe(files[i].Path);
            stored.Files[i].Text.ShouldBe(files[i].Text);
        }
        PlanVersionHash.Of(stored.Files).ShouldBe(version.Hash, "a stored version hashes as it did when published");
    }

    [Fact]
    public async Task Of_hosts_publishing_one_version_at_once_exactly_one_creates_it()
    {
        var store = CreateStore();
        var files = PanyuFiles();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.PublishAsync(Version(Plan, 1, files, at: new DateTimeOffset(2014, 2, 11, 8, i, 0, Shanghai))).AsTask())));

        results.Count(r => r.Outcome == PublishOutcome.Created).ShouldBe(1);
        results.Count(r => r.Outcome == PublishOutcome.Unchanged).ShouldBe(7);
        var winner = results.Single(r => r.Outcome == PublishOutcome.Created).Stored;
        foreach (var r in results)
        {
            ShouldBeSame(r.Stored, winner);
        }
    }
}
