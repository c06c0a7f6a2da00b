using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Phases the plan places by order rather than by dates: a phase's <c>after</c> (动员会后…) and the links of an
/// <c>inOrder</c> phase, each after the one written before it. Every action inside such a phase gets a
/// <see cref="PhaseOrder"/>; the actions and phases named must exist, and a phase cannot follow itself or what it holds.
/// </summary>
internal static class PhaseSequence
{
    public static IReadOnlyList<ResolvedAction> Apply(IReadOnlyList<PhaseSpec> phases, IReadOnlyList<ActionSpec> allActions, IReadOnlyList<ResolvedAction> actions, DiagnosticBag diagnostics)
    {
        var byPhase = new Dictionary<string, PhaseSpec>(StringComparer.Ordinal);
        Index(phases);
        var actionTitles = allActions.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title ?? g.Key, StringComparer.Ordinal);
        var follows = new Dictionary<string, (string Phase, List<PhaseReference> References)>(StringComparer.Ordinal);
        Walk(phases, []);
        return actions.Select(a => follows.TryGetValue(a.Id, out var f) && f.References.Count > 0 ? WithOrder(a, byPhase[f.Phase], f.References) : a).ToArray();

        void Index(IReadOnlyList<PhaseSpec>? list)
        {
            foreach (var phase in list ?? [])
            {
                byPhase.TryAdd(phase.Id, phase);
                Index(phase.Phases);
            }
        }

        void Walk(IReadOnlyList<PhaseSpec>? list, IReadOnlyList<PhaseReference> outer)
        {
            PhaseSpec? previous = null;
            foreach (var phase in list ?? [])
            {
                var own = new List<PhaseReference>(outer);
                own.AddRange(References(phase));
                if (previous is not null && list is not null && InOrderParentOf(phase) && !own.Any(r => r.Id == previous.Id))
                {
                    own.Add(PhaseAsReference(previous));
                }

                foreach (var action in phase.Actions ?? [])
                {
                    // What the action itself says it follows (after:) is judged there, not twice.
                    follows.TryAdd(action.Id, (phase.Id, own.Where(r => !(action.After ?? []).Contains(r.Id)).ToList()));
                }

                Walk(phase.Phases, own);
                previous = phase;
            }
        }

        bool InOrderParentOf(PhaseSpec link) => byPhase.Values.Any(p => p.InOrder && (p.Phases ?? []).Contains(link));

        IEnumerable<PhaseReference> References(PhaseSpec phase)
        {
            var inside = ActionsOf(phase).Concat(PhasesOf(phase)).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < (phase.After?.Count ?? 0); i++)
            {
                var id = phase.After![i];
                if (inside.Contains(id))
                {
                    diagnostics.Error("phase-follows-itself", phase.At($"after[{i}]"), phase.Id, id);
                }
                else if (byPhase.TryGetValue(id, out var other))
                {
                    yield return PhaseAsReference(other);
                }
                else if (actionTitles.TryGetValue(id, out var title))
                {
                    yield return new PhaseReference(id, title, [id]);
                }
                else
                {
                    diagnostics.ErrorWithSuggestion("unknown-order-reference", phase.At($"after[{i}]"),
                        NameSuggester.Closest(id, byPhase.Keys.Concat(actionTitles.Keys)), id);
                }
            }
        }

        PhaseReference PhaseAsReference(PhaseSpec phase) => new(phase.Id, phase.Title, ActionsOf(phase).ToArray());
    }

    private static IEnumerable<string> ActionsOf(PhaseSpec phase) =>
        (phase.Actions ?? []).Select(a => a.Id).Concat((phase.Phases ?? []).SelectMany(ActionsOf));

    private static IEnumerable<string> PhasesOf(PhaseSpec phase) =>
        (phase.Phases ?? []).SelectMany(p => PhasesOf(p).Prepend(p.Id)).Prepend(phase.Id);

    // The order is judged like the action's other requirements: for the same people, branches or departments, in its window.
    private static ResolvedAction WithOrder(ResolvedAction action, PhaseSpec phase, IReadOnlyList<PhaseReference> references)
    {
        if (action.Requirements.FirstOrDefault(r => r.Across is null && r.Subject.Kind is not SubjectKind.Span) is not { } like)
        {
            return action;
        }

        var order = new PhaseOrder
        {
            Phase = phase.Id,
            PhaseTitle = phase.Title,
            Follows = references,
            Id = $"{action.Id}:{FormatWords.Kebab(nameof(RequirementKind.PhaseOrder))}",
            ActionId = like.ActionId,
            Title = like.Title,
            PhaseId = like.PhaseId,
            DefinedIn = like.DefinedIn,
            Source = like.Source,
            Severity = like.Severity,
            Window = like.Window,
            Subject = like.Subject,
            Where = like.Where,
            Matching = like.Matching,
            Scope = like.Scope,
            Targets = like.Targets,
            Location = like.Location,
        };
        return action with { Requirements = [.. action.Requirements, order] };
    }
}
