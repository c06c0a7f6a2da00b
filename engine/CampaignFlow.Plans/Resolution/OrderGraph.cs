using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// The order among actions that <c>after</c> and <c>before</c> state; finds references to missing actions and
/// cycles, which no unit could ever satisfy.
/// </summary>
internal static class OrderGraph
{
    public static void Check(IReadOnlyList<ActionSpec> actions, DiagnosticBag diagnostics)
    {
        var ids = actions.Select(a => a.Id).ToHashSet();
        var successors = ids.ToDictionary(id => id, _ => new List<string>());
        foreach (var action in actions.GroupBy(a => a.Id).Select(g => g.First()))
        {
            foreach (var (key, list) in new[] { ("after", action.After), ("before", action.Before) })
            {
                for (var i = 0; i < (list?.Count ?? 0); i++)
                {
                    var other = list![i];
                    if (!ids.Contains(other))
                    {
                        diagnostics.ErrorWithSuggestion("unknown-action", action.At($"{key}[{i}]"), NameSuggester.Closest(other, ids), other);
                    }
                    else if (other == action.Id)
                    {
                        diagnostics.Error("order-cycle", action.At($"{key}[{i}]"), $"{action.Id} → {action.Id}");
                    }
                    else if (key == "after")
                    {
                        successors[other].Add(action.Id);
                    }
                    else
                    {
                        successors[action.Id].Add(other);
                    }
                }
            }
        }

        var state = new Dictionary<string, int>(); // 0 unseen, 1 on the path, 2 done
        var path = new List<string>();
        var byId = actions.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var id in successors.Keys)
        {
            Visit(id);
        }

        void Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2)
            {
                return;
            }

            state[id] = 1;
            path.Add(id);
            foreach (var next in successors[id])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next);
                    var at = byId[next];
                    diagnostics.Error("order-cycle", at.Has("after") ? at.At("after") : at.At("before"), string.Join(" → ", cycle));
                }
                else
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }
    }
}
