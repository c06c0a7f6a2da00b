using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Server.Api.Groups;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

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
            var documents = (await service.ReadRecordsAsync(unit.Id, ct: cancellationToken).ConfigureAwait(false) ?? []).Where(r => r.Type == "document").ToArray();
            foreach (var gate in gates)
            {
                if (documents.LastOrDefault(d => d.Kind == gate.DocumentKind) is not { } latest)
                {
                    continue;
                }

                var author = (RecordCodec.Decode(latest) as DocumentRecord)?.Author;
                var authorName = author is null ? null : plan?.Roster.Find(author)?.Name ?? author;
                var title = plan?.Vocabulary.DocumentTitle(gate.DocumentKind) ?? gate.DocumentKind;
                var chain = gate.Chain.Select(role => plan?.Vocabulary.Roles.GetValueOrDefault(role).Title is { Length: > 0 } roleTitle ? roleTitle : role).ToArray();
                waiting.Add(new WaitingDocument(unit, gate, latest.Key, title, latest.Day, authorName, chain));
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
}
