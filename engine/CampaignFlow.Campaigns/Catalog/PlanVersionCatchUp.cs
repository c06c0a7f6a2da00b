using System.Collections.Concurrent;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>
/// Brings the running service's <see cref="PlanLibrary"/> up to the plan store for one plan: the versions published
/// since the start — through the API on this host, or on another host of the same database — are resolved from their
/// stored texts, their workflows registered, and added, as the next start would have read them. The store is the
/// truth, so the answer is the same on every host at once; nothing is written.
/// </summary>
/// <remarks>
/// Asked after this host publishes, and before whatever names a plan's versions (its changes, a migration, its page),
/// as a unit's session catches up with records another host stored when it is used. Running units stay on their
/// versions: a new version only becomes the plan's highest, which a migration moves units to (docs/adr/0015).
/// </remarks>
/// <threadsafety>Safe for concurrent use; catch-ups run one at a time, so a version is compiled and registered once.</threadsafety>
internal sealed class PlanVersionCatchUp(PlanLibrary library, PlanCompilations compilations, IPlanStore store, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Versions that could not be resolved, left out as a start leaves them: a list asked for again does not try again.
    private readonly ConcurrentDictionary<(string PlanId, int Version), bool> _leftOut = new();

    /// <summary>
    /// Brings every plan up to the store for a list not about one plan (<c>GET /plans</c>, the console's plans): one
    /// query for each plan's highest stored version, then <see cref="CatchUpAsync"/> for those plans alone whose
    /// highest this host does not hold. Nothing else is read when the host is up to date.
    /// </summary>
    /// <param name="ct">Cancels the reads.</param>
    public async Task CatchUpAllAsync(CancellationToken ct)
    {
        var highest = await store.HighestVersionsAsync(ct).ConfigureAwait(false);
        foreach (var (planId, version) in highest.Where(h => !library.Holds(h.Key, h.Value) && !_leftOut.ContainsKey((h.Key, h.Value))))
        {
            await CatchUpAsync(planId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the plan's stored versions and adds those the library does not hold yet.</summary>
    /// <param name="planId">A plan id (one never published, or no plan's id at all, reads nothing).</param>
    /// <param name="ct">Cancels the read.</param>
    public async Task CatchUpAsync(string planId, CancellationToken ct)
    {
        if (!PlanId.IsValid(planId))
        {
            return; // no plan has such an id: nothing to read
        }

        var stored = await store.ListAsync(planId, ct).ConfigureAwait(false);
        if (stored.All(v => library.Holds(v.PlanId, v.Version)))
        {
            return;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var added = new List<ResolvedPlan>();
            foreach (var version in stored.Where(v => !library.Holds(v.PlanId, v.Version)))
            {
                if (PlanLibrary.Resolve(version, out var why) is not { } resolved)
                {
                    // As at a start, where it is a load problem: the version is left out and the plan keeps the others.
                    logger.LogWarning("Stored plan {Plan} version {Version} cannot be resolved and is left out: {Why}", version.PlanId, version.Version, why);
                    _leftOut[(version.PlanId, version.Version)] = true;
                    continue;
                }

                compilations.Register(resolved); // before it is found: a migration starts an instance of it at once
                added.Add(resolved);
            }

            library.Add(added);
        }
        finally
        {
            _gate.Release();
        }
    }
}
