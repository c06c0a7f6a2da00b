using System.Globalization;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>
/// A plan version's life: written as a draft, submitted to the body above, returned with comments or approved, then
/// published into the <see cref="IPlanStore"/>, and at once the plan's highest version: units already running a
/// version stay on it until migrated, units that start later run it (docs/adr/0014). Each step is appended to the version's history with who and when. Who may take a step is
/// the host's to decide (tokens are not a word of this engine); here each step is checked against where the version
/// stands.
/// </summary>
/// <param name="drafts">The drafts and their steps.</param>
/// <param name="plans">The published versions.</param>
/// <param name="read">Reads a plan's text as a draft against the definitions folder (text, file name).</param>
/// <param name="clock">When steps happen.</param>
/// <param name="published">
/// Told the plan's id once a version is stored, before the step is written, so the running service takes it up; null
/// for nobody.
/// </param>
public sealed class PlanLifecycle(IPlanDraftStore drafts, IPlanStore plans, Func<string, string, PlanDraftText> read, TimeProvider clock, Func<string, CancellationToken, Task>? published = null)
{
    /// <summary>Who the folder's publications are by in a plan's history.</summary>
    public const string Folder = "definitions/";

    /// <summary>Reads a plan's text as a draft against the definitions folder; nothing is stored.</summary>
    /// <param name="text">The plan's YAML.</param>
    /// <param name="fileName">Its file name, for findings (and its path when the folder has no file of its plan).</param>
    public PlanDraftText Read(string text, string fileName) => read(text, fileName);

    /// <summary>
    /// Stores a text read by <see cref="Read"/> as a draft: a new one, or the same version written again while it is a
    /// draft or returned. Refused when the text has errors, or the version is published, submitted or approved.
    /// </summary>
    /// <param name="read1">The text as read.</param>
    /// <param name="by">Who writes it.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<PlanStepResult> WriteAsync(PlanDraftText read1, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read1);
        if (read1.HasErrors)
        {
            return new PlanStepResult(null, new PlanRefusal(PlanRefusalKind.Invalid, "plan-draft-invalid", [read1.Findings.FirstOrDefault()?.Location.File ?? ""]), read1.Findings);
        }

        var (planId, version) = (read1.PlanId!, read1.Version);
        var number = version.ToString(CultureInfo.InvariantCulture);
        if (await plans.GetAsync(planId, version, ct).ConfigureAwait(false) is not null)
        {
            return PlanStepResult.Refused(PlanRefusalKind.WrongState, "plan-version-published", planId, number);
        }

        var existing = await drafts.GetAsync(planId, version, ct).ConfigureAwait(false);
        if (existing is { State: not (PlanDraftState.Draft or PlanDraftState.Returned) })
        {
            return PlanStepResult.Refused(PlanRefusalKind.WrongState, "plan-draft-under-review", planId, number);
        }

        var steps = existing?.Steps ?? [];
        var step = new PlanDraftStep(existing is null ? PlanDraftAction.Created : PlanDraftAction.Revised, by, clock.GetUtcNow());
        var draft = new PlanDraft(planId, version, read1.Unit!, PlanVersionHash.Of(read1.Files), read1.Files, [.. steps, step]);
        return await SaveAsync(draft, steps.Count, read1.Findings, ct).ConfigureAwait(false);
    }

    /// <summary>Submits a draft (or a returned one again) to the body above.</summary>
    public Task<PlanStepResult> SubmitAsync(string planId, int version, string by, CancellationToken ct = default) =>
        StepAsync(planId, version, ct, draft => draft.State is PlanDraftState.Draft or PlanDraftState.Returned
            // Once returned, a version is resubmitted, revised or not: the history says it came back.
            ? new PlanDraftStep(draft.Steps.Any(s => s.Action == PlanDraftAction.Returned) ? PlanDraftAction.Resubmitted : PlanDraftAction.Submitted, by, clock.GetUtcNow())
            : null, "plan-draft-not-draft");

    /// <summary>Returns a submitted version to its author with comments (which are required).</summary>
    public Task<PlanStepResult> ReturnAsync(string planId, int version, string by, string? comment, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(comment)
            ? Task.FromResult(PlanStepResult.Refused(PlanRefusalKind.Invalid, "plan-return-needs-comment", planId, version.ToString(CultureInfo.InvariantCulture)))
            : StepAsync(planId, version, ct, draft => draft.State == PlanDraftState.Submitted
                ? new PlanDraftStep(PlanDraftAction.Returned, by, clock.GetUtcNow(), comment.Trim())
                : null, "plan-draft-not-submitted");

    /// <summary>Approves a submitted version.</summary>
    public Task<PlanStepResult> ApproveAsync(string planId, int version, string by, string? comment, CancellationToken ct = default) =>
        StepAsync(planId, version, ct, draft => draft.State == PlanDraftState.Submitted
            ? new PlanDraftStep(PlanDraftAction.Approved, by, clock.GetUtcNow(), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim())
            : null, "plan-draft-not-submitted");

    /// <summary>
    /// Publishes an approved version: stored in the <see cref="IPlanStore"/> with the texts that were approved. Refused
    /// when another text was published under that version first (the folder's, another host's).
    /// </summary>
    public async Task<PlanStepResult> PublishAsync(string planId, int version, string by, CancellationToken ct = default)
    {
        var draft = await drafts.GetAsync(planId, version, ct).ConfigureAwait(false);
        var number = version.ToString(CultureInfo.InvariantCulture);
        if (draft is null)
        {
            return PlanStepResult.Refused(PlanRefusalKind.Unknown, "plan-draft-unknown", planId, number);
        }

        if (draft.State != PlanDraftState.Approved)
        {
            return PlanStepResult.Refused(PlanRefusalKind.WrongState, "plan-draft-not-approved", planId, number);
        }

        var at = clock.GetUtcNow();
        var stored = await plans.PublishAsync(draft.ToVersion(at), ct).ConfigureAwait(false);
        if (stored.Outcome == PublishOutcome.Conflict)
        {
            return PlanStepResult.Refused(PlanRefusalKind.WrongState, "plan-version-conflict", planId, number);
        }

        if (published is not null)
        {
            await published(planId, ct).ConfigureAwait(false);
        }

        // Stored first, then the step: a crash between them leaves an approved draft whose publishing again is
        // Unchanged and writes the step; never a published step without the version.
        return await SaveAsync(draft with { Steps = [.. draft.Steps, new PlanDraftStep(PlanDraftAction.Published, by, at)] }, draft.Steps.Count, [], ct).ConfigureAwait(false);
    }

    /// <summary>The draft of (plan, version), or null.</summary>
    public async Task<PlanDraft?> GetAsync(string planId, int version, CancellationToken ct = default) =>
        await drafts.GetAsync(planId, version, ct).ConfigureAwait(false);

    /// <summary>
    /// Every version of a plan, published or on its way, by version: drafts with their steps, and versions the folder
    /// published (one step, by <see cref="Folder"/>, when they were first published).
    /// </summary>
    public async Task<IReadOnlyList<PlanVersionHistory>> HistoryAsync(string planId, CancellationToken ct = default)
    {
        var byVersion = (await drafts.ListAsync(planId, ct).ConfigureAwait(false))
            .ToDictionary(d => d.Version, d => new PlanVersionHistory(d.Version, d.State, d.Steps));
        foreach (var stored in (await plans.ListAsync(ct).ConfigureAwait(false)).Where(v => v.PlanId == planId && !byVersion.ContainsKey(v.Version)))
        {
            byVersion[stored.Version] = new PlanVersionHistory(stored.Version, PlanDraftState.Published, [new PlanDraftStep(PlanDraftAction.Published, Folder, stored.PublishedAt)]);
        }

        return [.. byVersion.Values.OrderBy(h => h.Version)];
    }

    private async Task<PlanStepResult> StepAsync(string planId, int version, CancellationToken ct, Func<PlanDraft, PlanDraftStep?> next, string wrongState)
    {
        var number = version.ToString(CultureInfo.InvariantCulture);
        var draft = await drafts.GetAsync(planId, version, ct).ConfigureAwait(false);
        if (draft is null)
        {
            return PlanStepResult.Refused(PlanRefusalKind.Unknown, "plan-draft-unknown", planId, number);
        }

        return next(draft) is { } step
            ? await SaveAsync(draft with { Steps = [.. draft.Steps, step] }, draft.Steps.Count, [], ct).ConfigureAwait(false)
            : PlanStepResult.Refused(PlanRefusalKind.WrongState, wrongState, planId, number);
    }

    private async Task<PlanStepResult> SaveAsync(PlanDraft draft, int expectedSteps, IReadOnlyList<CampaignFlow.Plans.Diagnostics.PlanDiagnostic> findings, CancellationToken ct) =>
        await drafts.SaveAsync(draft, expectedSteps, ct).ConfigureAwait(false)
            ? new PlanStepResult(draft, null, findings)
            : PlanStepResult.Refused(PlanRefusalKind.WrongState, "plan-draft-changed", draft.PlanId, draft.Version.ToString(CultureInfo.InvariantCulture));
}
