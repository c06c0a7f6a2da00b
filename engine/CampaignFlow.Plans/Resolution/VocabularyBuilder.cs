using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Builds a plan's vocabulary from the built-ins, the parent plan's vocabulary and the plan's own declarations.
/// A child may add words, never redefine the parent's: records of the whole district must mean one thing.
/// </summary>
internal static class VocabularyBuilder
{
    public static Vocabulary Build(PlanDocument plan, Vocabulary? parent, DiagnosticBag diagnostics)
    {
        var roles = new Dictionary<string, (string, bool)>(parent?.Roles ?? BuiltInVocabulary.Roles);
        foreach (var (id, role) in plan.Roles ?? new Dictionary<string, RoleSpec>())
        {
            if (!roles.TryAdd(id, (role.Title, role.External)))
            {
                diagnostics.Error("vocabulary-redefined", plan.At($"roles.{id}"), id, "role");
            }
        }

        var ranks = new List<string>(parent?.Ranks ?? BuiltInVocabulary.Ranks);
        var i = 0;
        foreach (var rank in plan.Ranks ?? [])
        {
            if (ranks.Contains(rank))
            {
                diagnostics.Warning("rank-already-known", plan.At($"ranks[{i}]"), rank);
            }
            else
            {
                ranks.Add(rank);
            }

            i++;
        }

        var vocabulary = new Vocabulary(
            Merge(parent?.Activities, Resolve(plan.Activities, a => new ActivityKind(a.Title, a.Attributes ?? [])
            {
                Values = a.Values ?? new Dictionary<string, IReadOnlyList<string>>(),
                Refers = a.Refers ?? new Dictionary<string, string>(),
                ValueTitles = a.ValueTitles ?? new Dictionary<string, string>(),
                AttributeTitles = a.AttributeTitles ?? new Dictionary<string, string>(),
            }), "activities", "activity", plan, diagnostics),
            Merge(parent?.Documents, Resolve(plan.Documents, d => new DocumentKind(d.Title, d.ReviewChain ?? [], d.ReviewChainByRank ?? new Dictionary<string, IReadOnlyList<string>>())), "documents", "document", plan, diagnostics),
            Merge(parent?.Ledgers, Resolve(plan.Ledgers, l => new LedgerKind(l.Title, l.Fields ?? [])), "ledgers", "ledger", plan, diagnostics),
            roles,
            ranks,
            Merge(parent?.UnitKinds, plan.UnitKinds, "unitKinds", "unit kind", plan, diagnostics))
        {
            Places = Merge(parent?.Places, Resolve(plan.Places, p => new Place(p.Title, p.Attributes ?? new Dictionary<string, string>())), "places", "place", plan, diagnostics),
        };

        foreach (var (id, activity) in plan.Activities ?? new Dictionary<string, ActivityKindSpec>())
        {
            foreach (var attribute in (activity.Values?.Keys ?? []).Where(a => !(activity.Attributes ?? []).Contains(a)))
            {
                diagnostics.ErrorWithSuggestion("unknown-attribute", activity.At($"values.{attribute}"), NameSuggester.Closest(attribute, activity.Attributes ?? []), attribute, id);
            }

            // A title for an attribute the kind does not declare would never show: a misspelt key.
            foreach (var attribute in (activity.AttributeTitles?.Keys ?? []).Where(a => !(activity.Attributes ?? []).Contains(a)))
            {
                diagnostics.ErrorWithSuggestion("unknown-attribute", activity.At($"attributeTitles.{attribute}"), NameSuggester.Closest(attribute, activity.Attributes ?? []), attribute, id);
            }

            // A title for a value the kind lists for none of its attributes would never show: a misspelt key. Without
            // lists any value may come, so there is nothing to check the titles against.
            var listed = (activity.Values?.Values ?? []).SelectMany(v => v).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var value in listed.Length == 0 ? [] : (activity.ValueTitles?.Keys ?? []).Where(v => !listed.Contains(v, StringComparer.Ordinal)))
            {
                diagnostics.ErrorWithSuggestion("unknown-value-title", activity.At($"valueTitles.{value}"), NameSuggester.Closest(value, listed), value, id, string.Join(", ", listed));
            }

            // An attribute may name a place; places are the one kind of thing a plan lists for it so far.
            foreach (var (attribute, target) in activity.Refers ?? new Dictionary<string, string>())
            {
                if (!(activity.Attributes ?? []).Contains(attribute))
                {
                    diagnostics.ErrorWithSuggestion("unknown-attribute", activity.At($"refers.{attribute}"), NameSuggester.Closest(attribute, activity.Attributes ?? []), attribute, id);
                }

                if (target != "places")
                {
                    diagnostics.ErrorWithSuggestion("unknown-reference-target", activity.At($"refers.{attribute}"), NameSuggester.Closest(target, ["places"]), target, attribute);
                }
            }
        }

        foreach (var document in plan.Documents?.Values ?? [])
        {
            CheckChain(document.ReviewChain, document, "reviewChain", vocabulary, diagnostics);
            foreach (var (rank, chain) in document.ReviewChainByRank ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                if (!vocabulary.Ranks.Contains(rank))
                {
                    diagnostics.ErrorWithSuggestion("unknown-rank", document.At($"reviewChainByRank.{rank}"), NameSuggester.Closest(rank, vocabulary.Ranks), rank);
                }

                CheckChain(chain, document, $"reviewChainByRank.{rank}", vocabulary, diagnostics);
            }
        }

        return vocabulary;
    }

    private static void CheckChain(IReadOnlyList<string>? chain, PlanNode owner, string key, Vocabulary vocabulary, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < (chain?.Count ?? 0); i++)
        {
            var role = chain![i];
            if (!vocabulary.Roles.ContainsKey(role))
            {
                diagnostics.ErrorWithSuggestion("unknown-role", owner.At($"{key}[{i}]"), NameSuggester.Closest(role, vocabulary.Roles.Keys), role);
            }
        }
    }

    private static Dictionary<string, TResolved>? Resolve<TWritten, TResolved>(IReadOnlyDictionary<string, TWritten>? written, Func<TWritten, TResolved> resolve) =>
        written?.ToDictionary(w => w.Key, w => resolve(w.Value));

    private static Dictionary<string, T> Merge<T>(
        IReadOnlyDictionary<string, T>? inherited,
        IReadOnlyDictionary<string, T>? own,
        string key,
        string what,
        PlanDocument plan,
        DiagnosticBag diagnostics)
    {
        var merged = new Dictionary<string, T>(inherited ?? new Dictionary<string, T>());
        foreach (var (id, value) in own ?? new Dictionary<string, T>())
        {
            if (!merged.TryAdd(id, value))
            {
                diagnostics.Error("vocabulary-redefined", plan.At($"{key}.{id}"), id, what);
            }
        }

        return merged;
    }
}
