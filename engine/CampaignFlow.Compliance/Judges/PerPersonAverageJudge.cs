using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>班子成员人均谈心35人次: the occurrences each person took part in, added up and divided by the people.</summary>
internal sealed class PerPersonAverageJudge(PerPersonAverage requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var occurrences = SubjectActivities(due, records).ToArray();
        var byPerson = requirement.People.ToDictionary(p => p, p => occurrences.Count(a => a.Participants.Contains(p)));
        var average = (decimal)byPerson.Values.Sum() / requirement.People.Count;
        if (average >= requirement.Minimum.Value)
        {
            return null;
        }

        var label = requirement.Minimum.Label;
        var each = byPerson.Select(p => $"{Context.Name(p.Key)} {p.Value}").ToArray();
        return Violate(due, "average-short",
            new Evidence(occurrences.Select(a => a.Key).ToArray(), each, JudgeContext.Number(decimal.Round(average, 2)) + label, requirement.Minimum.Text),
            Title, JudgeContext.Number(decimal.Round(average, 2)) + label, requirement.Minimum.Text, string.Join("、", each));
    }
}
