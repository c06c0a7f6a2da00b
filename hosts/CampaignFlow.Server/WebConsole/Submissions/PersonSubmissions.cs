using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Server.WebConsole.Submissions;

/// <summary>
/// Who has submitted a document each of a set of people must write (对照检查材料, 调研报告: <c>per: person</c>), and who
/// has not, by name from the roster. One stored document is one person's, not the set's: the unit page and the review
/// page count them instead of reading the kind as submitted once any one is.
/// </summary>
/// <param name="Submitted">The people with a document of the kind stored, in the roster's order.</param>
/// <param name="Missing">The people without one, in the roster's order.</param>
public sealed record PersonSubmissions(IReadOnlyList<Person> Submitted, IReadOnlyList<Person> Missing)
{
    /// <summary>How many people must submit one.</summary>
    public int Total => Submitted.Count + Missing.Count;

    /// <summary>
    /// The submissions to the per-person approval gate of <paramref name="actionId"/>, or null when its gate is not per
    /// person (one document for the unit).
    /// </summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="actionId">The action whose document the gate approves.</param>
    /// <param name="records">The unit's stored records.</param>
    public static PersonSubmissions? Of(ResolvedPlan plan, string actionId, IEnumerable<StoredRecord> records)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        return plan.Requirements.OfType<ApprovalGate>().FirstOrDefault(g => g.ActionId == actionId && IsPerPerson(g)) is { } gate
            ? Of(plan, gate, records)
            : null;
    }

    /// <summary>True when <paramref name="requirement"/> asks a document of each of a set of people.</summary>
    /// <param name="requirement">A requirement of the plan.</param>
    public static bool IsPerPerson(Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.Subject.Kind == SubjectKind.Document && requirement.Scope == Scope.Person && requirement.Targets.Count > 0;
    }

    /// <summary>The submissions of the document <paramref name="requirement"/> asks of each of its people.</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="requirement">A per-person document requirement (<see cref="IsPerPerson"/>).</param>
    /// <param name="records">The unit's stored records.</param>
    public static PersonSubmissions Of(ResolvedPlan plan, Requirement requirement, IEnumerable<StoredRecord> records)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(records);
        var authors = records.Where(r => r.Type == "document" && r.Kind == requirement.Subject.Id)
            .Select(r => (RecordCodec.Decode(r) as DocumentRecord)?.Author).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var people = requirement.Targets.Select(id => plan.Roster.Find(id) ?? new Person { Id = id, Name = id }).ToArray();
        return new PersonSubmissions(people.Where(p => authors.Contains(p.Id)).ToArray(), people.Where(p => !authors.Contains(p.Id)).ToArray());
    }
}
