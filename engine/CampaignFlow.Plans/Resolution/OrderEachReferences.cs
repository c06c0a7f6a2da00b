using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// The actions an <c>eachAfter</c> names must exist and be other actions: an occurrence cannot need an occurrence of
/// its own action before it, which would ask for an endless chain.
/// </summary>
internal static class OrderEachReferences
{
    public static void Check(IReadOnlyList<ActionSpec> actions, DiagnosticBag diagnostics)
    {
        var ids = actions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            for (var i = 0; i < (action.EachAfter?.Count ?? 0); i++)
            {
                var other = action.EachAfter![i];
                if (!ids.Contains(other))
                {
                    diagnostics.ErrorWithSuggestion("unknown-action", action.At($"eachAfter[{i}]"), NameSuggester.Closest(other, ids), other);
                }
                else if (other == action.Id)
                {
                    diagnostics.Error("order-cycle", action.At($"eachAfter[{i}]"), $"{action.Id} → {action.Id}");
                }
            }
        }
    }
}
