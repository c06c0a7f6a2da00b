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
    public List<ResolvedPhase> Resolve(IReadOnlyList<PhaseSpec> phases, DateWindow outer, bool topLevel)
    {
        var resolved = new List<ResolvedPhase>();
        ResolvedPhase? previous = null;
        PhaseSpec? previousSpec = null;
        foreach (var phase in phases)
        {
            DateWindow window;
            if (phase.Window is null)
            {
                if (topLevel)
                {
                    diagnostics.Error("phase-needs-window", phase.Location, phase.Id);
                }

                window = outer;
            }
            else
            {
                window = resolve(phase.Window, phase.At("window")) ?? outer;
                if (!outer.Contains(window))
                {
                    diagnostics.Error(topLevel ? "phase-outside-campaign" : "phase-outside-parent", phase.At("window"), phase.Id, window.ToString(), outer.ToString());
                }
            }

            if (previous is not null && previousSpec is not null && phase.Window is not null && previousSpec.Window is not null
                && !phase.Overlaps && !previousSpec.Overlaps && window.Start <= previous.Window.End)
            {
                diagnostics.Error(
                    window.Start < previous.Window.Start ? "phase-out-of-order" : "phase-overlap",
                    phase.At("window"), phase.Id, window.ToString(), previous.Id, previous.Window.ToString());
            }

            var links = Resolve(phase.Phases ?? [], window, topLevel: false);
            var current = new ResolvedPhase(phase.Id, phase.Title, window, phase.Source ?? [], phase.Overlaps, links, phase.Location);
            resolved.Add(current);
            previous = current;
            previousSpec = phase;
        }

        return resolved;
    }
}
