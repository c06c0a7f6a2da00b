using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// Every leader present at a study session writes a reflection within a week; each member's research report follows
/// their own trip: for each occurrence, each obliged participant has their own record of the subject in time.
/// </summary>
internal sealed class OccurrenceObligationJudge(OccurrenceObligation requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override string RelevanceKey => base.RelevanceKey + "|for-each:" + requirement.ForEach;

    public override bool IsRelevant(UnitRecord record) =>
        (record is ActivityRecord a && a.Kind == requirement.ForEach) || SubjectRecords.Is(record, Requirement.Subject);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var missing = new List<string>();
        foreach (var occurrence in records.OfType<ActivityRecord>().Where(a => a.Kind == requirement.ForEach && a.Within(due.Start, due.End)).OrderBy(a => a.Day))
        {
            var until = requirement.Within is { } within
                ? DateOnly.FromDateTime(within.AddTo(new DateTimeOffset(occurrence.LastDay.ToDateTime(TimeOnly.MinValue))).DateTime)
                : due.End;
            foreach (var person in occurrence.Participants.Where(requirement.Participants.Contains))
            {
                var done = records.Any(r => SubjectRecords.Is(r, Requirement.Subject) && r.Day >= occurrence.Day && r.Day <= until && Owns(r, person));
                if (!done)
                {
                    missing.Add($"{Context.Name(person)} ({occurrence.Key} {JudgeContext.Day(occurrence.Day)})");
                }
            }
        }

        return missing.Count == 0
            ? null
            : Violate(due, "obligation-missing", new Evidence([], missing, null, requirement.Within?.Text), Context.Title(new Subject(SubjectKind.Activity, requirement.ForEach)), Title, string.Join("、", missing));
    }

    private static bool Owns(UnitRecord record, string person) => record switch
    {
        DocumentRecord d => d.Author == person,
        ActivityRecord a => a.Participants.Contains(person),
        _ => false,
    };
}
