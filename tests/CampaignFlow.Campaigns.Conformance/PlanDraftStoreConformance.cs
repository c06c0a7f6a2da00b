using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The contract every <see cref="IPlanDraftStore"/> must honour: a draft reads back as saved, its steps are appended in
/// order, and a save that expects other steps than the stored ones stores nothing. A store's test project derives a
/// class from this one and supplies a fresh, empty store per call of <see cref="CreateStore"/>.
/// </summary>
public abstract class PlanDraftStoreConformance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IPlanDraftStore CreateStore();

    private static PlanDraft Draft(params PlanDraftStep[] steps)
    {
        var files = PanyuFiles();
        return new PlanDraft(Plan, 2, Unit, PlanVersionHash.Of(files), files, steps);
    }

    private static PlanDraftStep Step(PlanDraftAction action, string by, int hours, string? comment = null) => new(action, by, T0.AddHours(hours), comment);

    private static void ShouldBeSame(PlanDraft? actual, PlanDraft expected)
    {
        actual.ShouldNotBeNull();
        (actual.PlanId, actual.Version, actual.Unit, actual.Hash).ShouldBe((expected.PlanId, expected.Version, expected.Unit, expected.Hash));
        actual.Files.ShouldBe(expected.Files);
        actual.Steps.ShouldBe(expected.Steps);
        actual.Steps.Select(s => s.At.Offset).ShouldBe(expected.Steps.Select(s => s.At.Offset));
        actual.State.ShouldBe(expected.State);
    }

    [Fact]
    public async Task A_new_draft_reads_back_exactly_and_a_missing_one_is_null()
    {
        var store = CreateStore();
        var draft = Draft(Step(PlanDraftAction.Created, "t-recorder-panyu", 0));

        (await store.SaveAsync(draft, 0)).ShouldBeTrue();

        ShouldBeSame(await store.GetAsync(Plan, 2), draft);
        (await store.GetAsync(Plan, 3)).ShouldBeNull();
        (await store.ListAsync("guangxi-ftu-2013")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Steps_are_appended_in_order_with_comments_and_the_texts_replaced_on_a_revision()
    {
        var store = CreateStore();
        var created = Draft(Step(PlanDraftAction.Created, "t-recorder-panyu", 0));
        await store.SaveAsync(created, 0);
        var submitted = created with { Steps = [.. created.Steps, Step(PlanDraftAction.Submitted, "t-recorder-panyu", 1)] };
        (await store.SaveAsync(submitted, 1)).ShouldBeTrue();
        var returned = submitted with { Steps = [.. submitted.Steps, Step(PlanDraftAction.Returned, "t-reviewer-panyu", 2, "每周集中学习时间应不少于1天")] };
        (await store.SaveAsync(returned, 2)).ShouldBeTrue();
        PlanSourceFile[] files = [new("panyu-ftu-2014.yaml", "plan: panyu-ftu-2014\nversion: 2\n"), .. created.Files.Skip(1)];
        var revised = returned with { Files = files, Hash = PlanVersionHash.Of(files), Steps = [.. returned.Steps, Step(PlanDraftAction.Revised, "t-recorder-panyu", 3)] };

        (await store.SaveAsync(revised, 3)).ShouldBeTrue();

        var stored = await store.GetAsync(Plan, 2);
        ShouldBeSame(stored, revised);
        stored!.Steps[2].Comment.ShouldBe("每周集中学习时间应不少于1天");
        stored.State.ShouldBe(PlanDraftState.Draft);
        (await store.ListAsync(Plan)).ShouldHaveSingleItem().Steps.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_save_expecting_other_steps_than_stored_stores_nothing()
    {
        var store = CreateStore();
        var created = Draft(Step(PlanDraftAction.Created, "t-recorder-panyu", 0), Step(PlanDraftAction.Submitted, "t-recorder-panyu", 1));
        await store.SaveAsync(created, 0);

        // Two reviewers read the submitted draft; the first approves, the second's return finds it moved on.
        (await store.SaveAsync(created with { Steps = [.. created.Steps, Step(PlanDraftAction.Approved, "t-reviewer-panyu", 2)] }, 2)).ShouldBeTrue();
        (await store.SaveAsync(created with { Steps = [.. created.Steps, Step(PlanDraftAction.Returned, "t-recorder-weidu", 2, "改")] }, 2)).ShouldBeFalse();
        (await store.SaveAsync(Draft(Step(PlanDraftAction.Created, "t-admin", 5)), 0)).ShouldBeFalse("a second new draft of the same version");

        var stored = await store.GetAsync(Plan, 2);
        stored!.State.ShouldBe(PlanDraftState.Approved);
        stored.Steps.Select(s => s.By).ShouldBe(["t-recorder-panyu", "t-recorder-panyu", "t-reviewer-panyu"]);
    }

    [Fact]
    public async Task Drafts_of_a_plan_are_listed_by_version_and_kept_apart_from_other_plans()
    {
        var store = CreateStore();
        var two = Draft(Step(PlanDraftAction.Created, "t-recorder-panyu", 0));
        await store.SaveAsync(two with { Version = 3 }, 0);
        await store.SaveAsync(two, 0);
        await store.SaveAsync(two with { PlanId = "mianyang-ftu-2014", Unit = "mianyang-ftu" }, 0);

        (await store.ListAsync(Plan)).Select(d => d.Version).ShouldBe([2, 3]);
        (await store.ListAsync("mianyang-ftu-2014")).ShouldHaveSingleItem().Unit.ShouldBe("mianyang-ftu");
    }
}
