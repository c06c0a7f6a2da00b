using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Resolves phase windows to dates and checks that phases lie inside the campaign (links inside their phase) and
/// follow one another unless marked to overlap.
/// </summary>
internal sealed class PhaseResolver(Func<Period, SourceLocation, DateWindow?> resolve, DiagnosticBag diagnostics)
{
    public List<ResolvedPhase> Resolve(IReadOnlyList<PhaseSpec> phases, DateWindow outer, bool topLevel, bool byOrder = false)
    {
        var resolved = new List<ResolvedPhase>();
        ResolvedPhase? previous = null;
        PhaseSpec? previousSpec = null;
        var previousKnown = false;
        foreach (var phase in phases)
        {
            DateWindow window;
            var known = true;
            if (phase.Window is null)
            {
                // A phase placed by order (after:) runs through the campaign and is judged by the order of the records.
                if (topLevel && !phase.Damaged && phase.After is null)
                {
                    diagnostics.Error("phase-needs-window", phase.Location, phase.Id);
                }

                window = outer;
                known = !topLevel && phase.After is null && !byOrder;
            }
            else if (resolve(phase.Window, phase.At("window")) is not { } resolvedWindow)
            {
                // Already reported where it is written; comparing a guess with its neighbours would only add noise.
                window = outer;
                known = false;
            }
            else
            {
                window = resolvedWindow;
                if (!outer.Contains(window))
                {
                    diagnostics.Error(topLevel ? "phase-outside-campaign" : "phase-outside-parent", phase.At("window"), phase.Id, window.ToString(), outer.ToString());
                }
            }

            if (known && previous is not null && previousSpec is not null && previousKnown
                && !phase.Overlaps && !previousSpec.Overlaps && window.Start <= previous.Window.End)
            {
                diagnostics.Error(
                    window.Start < previous.Window.Start ? "phase-out-of-order" : "phase-overlap",
                    phase.At("window"), phase.Id, window.ToString(), previous.Id, previous.Window.ToString());
            }

            var links = Resolve(phase.Phases ?? [], window, topLevel: false, byOrder: phase.InOrder);
            var current = new ResolvedPhase(phase.Id, phase.Title, window, phase.Source ?? [], phase.Overlaps, links, phase.Location)
            {
                After = phase.After ?? [],
                InOrder = phase.InOrder,
            };
            resolved.Add(current);
            previous = current;
            previousSpec = phase;
            previousKnown = known;
        }

        return resolved;
    }
}
