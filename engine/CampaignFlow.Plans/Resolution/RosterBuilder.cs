using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Resolution;

/// <summary>Checks a written roster against the plan's vocabulary and builds the <see cref="Roster"/> requirements are resolved against.</summary>
internal static class RosterBuilder
{
    public static Roster Build(RosterSpec? spec, Vocabulary vocabulary, DiagnosticBag diagnostics)
    {
        if (spec is null)
        {
            return Roster.Empty;
        }

        var branches = spec.Branches ?? new Dictionary<string, string>();
        var departments = spec.Departments ?? new Dictionary<string, string>();
        var seen = new HashSet<string>();
        foreach (var person in spec.People ?? [])
        {
            if (!seen.Add(person.Id))
            {
                diagnostics.Error("duplicate-id", person.At("id"), person.Id, "person");
            }

            for (var i = 0; i < (person.Roles?.Count ?? 0); i++)
            {
                var role = person.Roles![i];
                if (!vocabulary.Roles.ContainsKey(role))
                {
                    diagnostics.ErrorWithSuggestion("unknown-role", person.At($"roles[{i}]"), NameSuggester.Closest(role, vocabulary.Roles.Keys), role);
                }
            }

            if (person.Rank is { } rank && !vocabulary.Ranks.Contains(rank))
            {
                diagnostics.ErrorWithSuggestion("unknown-rank", person.At("rank"), NameSuggester.Closest(rank, vocabulary.Ranks), rank);
            }

            if (person.Branch is { } branch && !branches.ContainsKey(branch))
            {
                diagnostics.ErrorWithSuggestion("unknown-branch", person.At("branch"), NameSuggester.Closest(branch, branches.Keys), branch);
            }

            if (person.Department is { } department && !departments.ContainsKey(department))
            {
                diagnostics.ErrorWithSuggestion("unknown-department", person.At("department"), NameSuggester.Closest(department, departments.Keys), department);
            }

            for (var i = 0; i < (person.Oversees?.Count ?? 0); i++)
            {
                var overseen = person.Oversees![i];
                if (!departments.ContainsKey(overseen))
                {
                    diagnostics.ErrorWithSuggestion("unknown-department", person.At($"oversees[{i}]"), NameSuggester.Closest(overseen, departments.Keys), overseen);
                }
            }
        }

        return new Roster((spec.People ?? []).Select(Resolve).ToArray(), branches, departments);
    }

    private static Person Resolve(PersonSpec person) => new()
    {
        Id = person.Id,
        Name = person.Name,
        Post = person.Post,
        Roles = person.Roles ?? [],
        Rank = person.Rank,
        Branch = person.Branch,
        Department = person.Department,
        Oversees = person.Oversees ?? [],
        ContactPoint = person.ContactPoint,
    };
}
