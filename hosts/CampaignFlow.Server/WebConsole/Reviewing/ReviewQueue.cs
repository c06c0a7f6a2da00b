using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Server.Api.Groups;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Submissions;

namespace CampaignFlow.Server.WebConsole.Reviewing;

/// <summary>
/// The documents waiting for a reviewer's approval: in the units it may review for (<see cref="Caller.CanSupervise"/>,
/// as the API's review route checks), at the gates whose next approval is the supervision group's
/// (<see cref="SupervisorGates"/>), each the unit's latest document of the gate's kind (a later one supersedes).
/// </summary>
/// <param name="units">The running units.</param>
/// <param name="running">The campaign service, for the units' state and documents.</param>
public sealed class ReviewQueue(UnitDirectory units, RunningCampaigns running)
{
    /// <summary>The documents waiting for <paramref name="caller"/>, in the order of the units.</summary>
    /// <param name="caller">A reviewer (or an administrator).</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<WaitingDocument>> WaitingAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var service = running.Service;
        var waiting = new List<WaitingDocument>();
        // Only units whose plan has a gate the group approves can wait for it; their states are read at once, since
        // an administrator's queue covers every unit (a state each was 3.5 s at 10,000 units).
        var candidates = units.All.Where(u => caller.CanSupervise(u) && SupervisorGates.MayWaitIn(service, u)).ToArray();
        var states = await service.GetStatesAsync(candidates.Select(u => u.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var unit in candidates)
        {
            if (states.GetValueOrDefault(unit.Id) is not { } state || SupervisorGates.WaitingIn(state) is not { Count: > 0 } gates)
            {
                continue;
            }

            var plan = service.FindPlan(unit.PlanId);
            var records = await service.ReadRecordsAsync(unit.Id, ct: cancellationToken).ConfigureAwait(false) ?? [];
            var documents = records.Where(r => r.Type == "document").ToArray();
            var reviews = records.Where(r => r.Type == "review").Select(RecordCodec.Decode).OfType<ReviewRecord>().ToArray();
            foreach (var gate in gates)
            {
                var title = plan?.Vocabulary.DocumentTitle(gate.DocumentKind) ?? gate.DocumentKind;
                var chain = gate.Chain.Select(role => plan?.Vocabulary.Roles.GetValueOrDefault(role).Title is { Length: > 0 } roleTitle ? roleTitle : role).ToArray();
                var persons = plan is null ? null : PersonSubmissions.Of(plan, gate.ActionId, documents);
                foreach (var document in Waiting(gate, documents, persons is not null, reviews))
                {
                    var author = (RecordCodec.Decode(document) as DocumentRecord)?.Author;
                    var authorName = author is null ? null : plan?.Roster.Find(author)?.Name ?? author;
                    waiting.Add(new WaitingDocument(unit, gate, document.Key, title, document.Day, authorName, chain) { Persons = persons });
                }
            }
        }

        return waiting;
    }

    /// <summary>
    /// The actions the units <paramref name="caller"/> supervises must hold again (<see cref="HeldAgain"/>), earliest
    /// last day first: the group follows them from the verdict on, before a missed day makes them violations.
    /// </summary>
    /// <param name="caller">A reviewer (or an administrator).</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<UnitHeldAgain>> HeldAgainAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var service = running.Service;
        var candidates = units.All.Where(u => caller.CanSupervise(u) && service.MayHoldAgain(u.Id)).ToArray();
        var states = await service.GetStatesAsync(candidates.Select(u => u.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        return candidates.Where(u => states.ContainsKey(u.Id))
            .SelectMany(u => HeldAgain.In(states[u.Id]).Select(a => new UnitHeldAgain(u, a)))
            .OrderBy(h => h.Action.Due)
            .ToArray();
    }

    // A unit's document: its latest of the kind (a later one supersedes). Documents each person writes: each person's
    // latest that the roles before the group have approved and the group has not decided on — one stored is one
    // person's, not the gate's.
    private static IEnumerable<StoredRecord> Waiting(GateState gate, IReadOnlyList<StoredRecord> documents, bool perPerson, IReadOnlyList<ReviewRecord> reviews)
    {
        var ofKind = documents.Where(d => d.Kind == gate.DocumentKind).ToArray();
        if (!perPerson)
        {
            return ofKind.Length == 0 ? [] : [ofKind[^1]];
        }

        // Each person's document reaches the group once the roles before it in the chain have approved it.
        var before = gate.Chain.TakeWhile(role => role != RecordRights.SupervisorRole).ToArray();
        return ofKind.GroupBy(d => (RecordCodec.Decode(d) as DocumentRecord)?.Author ?? d.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Where(d => !reviews.Any(r => r.DocumentKey == d.Key && r.Role == RecordRights.SupervisorRole)
                        && before.All(role => reviews.Any(r => r.DocumentKey == d.Key && r.Role == role && r.Decision == ReviewDecision.Approved)))
            .ToArray();
    }
}
