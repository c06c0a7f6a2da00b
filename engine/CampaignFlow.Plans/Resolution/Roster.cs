using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Resolution;

/// <summary>The people of a unit, with its branches and departments, and the selections plans make of them.</summary>
public sealed class Roster
{
    private readonly Dictionary<string, PersonSpec> _byId;

    internal Roster(IReadOnlyList<PersonSpec> people, IReadOnlyDictionary<string, string> branches, IReadOnlyDictionary<string, string> departments)
    {
        People = people;
        Branches = branches;
        Departments = departments;
        _byId = people.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>An empty roster, for plans of a whole district that name roles only.</summary>
    public static Roster Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Everyone, in roster order.</summary>
    public IReadOnlyList<PersonSpec> People { get; }

    /// <summary>Party branches by id.</summary>
    public IReadOnlyDictionary<string, string> Branches { get; }

    /// <summary>Departments by id.</summary>
    public IReadOnlyDictionary<string, string> Departments { get; }

    /// <summary>The person with roster id <paramref name="id"/>, or null.</summary>
    /// <param name="id">A roster id.</param>
    public PersonSpec? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The people a selector picks, in roster order.</summary>
    /// <param name="selector">Role, ranks and named people.</param>
    public IReadOnlyList<PersonSpec> Select(PeopleSelector selector) =>
        People.Where(p =>
                (selector.Role is null || (p.Roles?.Contains(selector.Role) ?? false))
                && (selector.Rank is null || (p.Rank is not null && selector.Rank.Contains(p.Rank)))
                && (selector.ExceptRank is null || p.Rank is null || !selector.ExceptRank.Contains(p.Rank))
                && (selector.People is null || selector.People.Contains(p.Id)))
            .ToArray();

    /// <summary>The people related to <paramref name="person"/> by <paramref name="relation"/>, in roster order.</summary>
    /// <param name="person">The person on the other side of a coverage.</param>
    /// <param name="relation">How they are related.</param>
    public IReadOnlyList<PersonSpec> Related(PersonSpec person, Relation relation) => relation switch
    {
        Relation.OverseenDepartmentHeads => People.Where(p =>
            p.Id != person.Id && HasRole(p, "department-head") && p.Department is not null
            && (person.Oversees?.Contains(p.Department) ?? false)).ToArray(),
        Relation.OwnDepartmentMembers => People.Where(p =>
            p.Id != person.Id && HasRole(p, "party-member") && person.Department is not null
            && p.Department == person.Department).ToArray(),
        Relation.OwnBranchMembers => People.Where(p =>
            p.Id != person.Id && HasRole(p, "party-member") && person.Branch is not null
            && p.Branch == person.Branch).ToArray(),
        _ => [],
    };

    private static bool HasRole(PersonSpec person, string role) => person.Roles?.Contains(role) ?? false;

    /// <summary>Checks a written roster against the vocabulary and builds it.</summary>
    internal static Roster Build(RosterSpec? spec, Vocabulary vocabulary, DiagnosticBag diagnostics)
    {
        if (spec is null)
        {
            return Empty;
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

        return new Roster(spec.People ?? [], branches, departments);
    }
}
