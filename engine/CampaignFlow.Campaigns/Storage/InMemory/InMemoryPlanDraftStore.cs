using CampaignFlow.Campaigns.Lifecycle;

namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>An <see cref="IPlanDraftStore"/> in memory, for tests and simulations.</summary>
public sealed class InMemoryPlanDraftStore : IPlanDraftStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string PlanId, int Version), PlanDraft> _drafts = [];

    /// <inheritdoc />
    public ValueTask<PlanDraft?> GetAsync(string planId, int version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_drafts.GetValueOrDefault((planId, version)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PlanDraft>> ListAsync(string planId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<PlanDraft>>([.. _drafts.Values.Where(d => d.PlanId == planId).OrderBy(d => d.Version)]);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveAsync(PlanDraft draft, int expectedSteps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_lock)
        {
            var stored = _drafts.GetValueOrDefault((draft.PlanId, draft.Version))?.Steps.Count ?? 0;
            if (stored != expectedSteps || draft.Steps.Count < expectedSteps)
            {
                return ValueTask.FromResult(false);
            }

            _drafts[(draft.PlanId, draft.Version)] = draft with { Steps = [.. draft.Steps] };
            return ValueTask.FromResult(true);
        }
    }
}
