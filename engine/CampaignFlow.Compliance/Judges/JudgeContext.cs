using System.Globalization;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Judges;

/// <summary>What every judge of one plan may consult: the plan's words, people and actions.</summary>
/// <param name="Plan">The resolved plan.</param>
public sealed record JudgeContext(ResolvedPlan Plan)
{
    /// <summary>
    /// The units below the unit that runs the plan, for its requirements over them (<see cref="Requirement.Across"/>);
    /// empty for a plan whose unit has none.
    /// </summary>
    public IReadOnlyList<Bodies.UnitBelow> UnitsBelow { get; init; } = [];

    /// <summary>The Chinese title of a subject (集中学习), or its id when the vocabulary has none.</summary>
    /// <param name="subject">The subject.</param>
    public string Title(Subject subject) => subject.Kind switch
    {
        SubjectKind.Activity => Plan.Vocabulary.Activities.GetValueOrDefault(subject.Id)?.Title ?? subject.Id,
        SubjectKind.Document or SubjectKind.Publication => Plan.Vocabulary.Documents.GetValueOrDefault(subject.Id)?.Title ?? subject.Id,
        SubjectKind.Ledger => Plan.Vocabulary.Ledgers.GetValueOrDefault(subject.Id)?.Title ?? subject.Id,
        _ => subject.Id,
    };

    /// <summary>The title of what a record is (专题民主生活会 for a meeting), or its key when the vocabulary has none.</summary>
    /// <param name="record">A record of the unit.</param>
    public string Title(Records.UnitRecord record) => record switch
    {
        Records.ActivityRecord a => Plan.Vocabulary.Activities.GetValueOrDefault(a.Kind)?.Title is { Length: > 0 } t ? t : a.Key,
        Records.DocumentRecord d => Plan.Vocabulary.Documents.GetValueOrDefault(d.Kind)?.Title is { Length: > 0 } t ? t : d.Key,
        _ => record.Key,
    };

    /// <summary>The title of a role (督导组成员 for supervisor), or its id.</summary>
    /// <param name="role">A role id.</param>
    public string RoleTitle(string role) =>
        Plan.Vocabulary.Roles.TryGetValue(role, out var r) && r.Title.Length > 0 ? r.Title : role;

    /// <summary>A person's, branch's or department's name from the roster, a supervision group's of the units below, or the id.</summary>
    /// <param name="id">A roster id, branch or department id.</param>
    public string Name(string? id) => id is null
        ? ""
        : Plan.Roster.Find(id)?.Name ?? Plan.Roster.Branches.GetValueOrDefault(id) ?? Plan.Roster.Departments.GetValueOrDefault(id)
            ?? UnitsBelow.Select(u => u.Group).FirstOrDefault(g => g?.Id == id)?.Name ?? id;

    /// <summary>The subject of another action (for order and gates), or null.</summary>
    /// <param name="actionId">The action.</param>
    public Subject? SubjectOf(string actionId) =>
        Plan.Actions.FirstOrDefault(a => a.Id == actionId)?.Requirements.FirstOrDefault()?.Subject;

    /// <summary>A number as messages write it: 2.5, 4, 1200.</summary>
    /// <param name="value">The number.</param>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// An occasion as a sentence names it: by its day (the sentence already says what it was), with the record's key in
    /// brackets only when another of <paramref name="among"/> falls on the same day.
    /// </summary>
    /// <param name="activity">The occasion.</param>
    /// <param name="among">The occasions the sentence speaks of.</param>
    public static string Occasion(Records.ActivityRecord activity, IEnumerable<Records.ActivityRecord> among) =>
        among.Count(a => a.Day == activity.Day) > 1 ? $"{Day(activity.Day)}（{activity.Key}）" : Day(activity.Day);

    /// <summary>A day as messages write it: 2014-02-28.</summary>
    /// <param name="day">The day.</param>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
