using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Resolution;

/// <summary>The people of a unit, with its branches and departments, and how its people are related.</summary>
public sealed class Roster
{
    private readonly Dictionary<string, Person> _byId;

    internal Roster(IReadOnlyList<Person> people, IReadOnlyDictionary<string, string> branches, IReadOnlyDictionary<string, string> departments)
    {
        People = people;
        Branches = branches;
        Departments = departments;
        _byId = people.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>An empty roster, for plans of a whole district that name roles only.</summary>
    public static Roster Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Everyone, in roster order.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Party branches by id.</summary>
    public IReadOnlyDictionary<string, string> Branches { get; }

    /// <summary>Departments by id.</summary>
    public IReadOnlyDictionary<string, string> Departments { get; }

    /// <summary>The person with roster id <paramref name="id"/>, or null.</summary>
    /// <param name="id">A roster id.</param>
    public Person? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The people related to <paramref name="person"/> by <paramref name="relation"/>, in roster order.</summary>
    /// <param name="person">The person on the other side of a coverage.</param>
    /// <param name="relation">How they are related.</param>
    public IReadOnlyList<Person> Related(Person person, Relation relation) => relation switch
    {
        Relation.OverseenDepartmentHeads => People.Where(p =>
            p.Id != person.Id && HasRole(p, "department-head") && p.Department is not null
            && person.Oversees.Contains(p.Department)).ToArray(),
        Relation.OwnDepartmentMembers => People.Where(p =>
            p.Id != person.Id && HasRole(p, "party-member") && person.Department is not null
            && p.Department == person.Department).ToArray(),
        Relation.OwnBranchMembers => People.Where(p =>
            p.Id != person.Id && HasRole(p, "party-member") && person.Branch is not null
            && p.Branch == person.Branch).ToArray(),
        _ => [],
    };

    private static bool HasRole(Person person, string role) => person.Roles.Contains(role);
}
