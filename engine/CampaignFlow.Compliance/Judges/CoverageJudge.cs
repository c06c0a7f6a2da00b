using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 党组书记分别与班子成员谈心; 班子成员之间相互谈心: every required pair shares an activity in the window (naming exactly
/// the pairs that do not); or every listed value of an attribute occurs.
/// </summary>
internal sealed class CoverageJudge(Coverage requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    // 召开民主生活会前谈心: when the action orders its activities before another action's, only those held by the
    // first occurrence of that one count.
    private readonly Subject[] _before = context.Plan.Actions.FirstOrDefault(a => a.Id == requirement.ActionId)?.Requirements
        .OfType<Order>().SelectMany(o => o.Before).Select(context.SubjectOf).OfType<Subject>().ToArray() ?? [];

    public override string RelevanceKey => base.RelevanceKey + "|before:" + string.Join(",", _before);

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record) || _before.Any(s => SubjectRecords.Is(record, s));

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var by = _before.Select(s => SubjectRecords.First(records, s)).Min();
        var held = SubjectActivities(due, records).Where(a => by is null || a.Day <= by).ToArray();
        string[] missing;
        if (requirement.Form == CoverageForm.Values)
        {
            var seen = held.Select(a => a.Attributes.GetValueOrDefault(requirement.Attribute!)).ToHashSet();
            missing = requirement.Values.Where(v => !seen.Contains(v)).ToArray();
        }
        else
        {
            missing = requirement.Pairs
                .Where(p => !held.Any(a => a.Participants.Contains(p.First) && a.Participants.Contains(p.Second)))
                .Select(p => $"{Context.Name(p.First)}–{Context.Name(p.Second)}")
                .ToArray();
        }

        if (missing.Length == 0)
        {
            return null;
        }

        var total = requirement.Form == CoverageForm.Values ? requirement.Values.Count : requirement.Pairs.Count;
        return Violate(due, requirement.Form == CoverageForm.Values ? "coverage-values-missing" : "coverage-pairs-missing",
            new Evidence(held.Select(a => a.Key).ToArray(), missing, $"{total - missing.Length}/{total}", $"{total}"),
            Title, $"{missing.Length}", $"{total}", string.Join("、", missing.Select(Said)));
    }

    // The sentence says a value by the title the plan gives it (电子信箱); the evidence keeps the id (e-mailbox).
    private string Said(string missing) => requirement.Form == CoverageForm.Values
        && Context.Plan.Vocabulary.Activities.GetValueOrDefault(Requirement.Subject.Id) is { } kind ? kind.ValueTitle(missing) : missing;
}
