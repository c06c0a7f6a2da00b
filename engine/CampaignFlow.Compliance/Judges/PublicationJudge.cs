using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>整改方案在本单位公示; 个人整改方案向支部党员公布: the document (each person's own) is published to the audience.</summary>
internal sealed class PublicationJudge(Publication requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool IsRelevant(UnitRecord record) =>
        (record is PublicationRecord p && p.DocumentKind == Requirement.Subject.Id)
        || (record is DocumentRecord d && d.Kind == Requirement.Subject.Id);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var authors = records.OfType<DocumentRecord>().Where(d => d.Kind == Requirement.Subject.Id).ToDictionary(d => d.Key, d => d.Author);
        var published = records.OfType<PublicationRecord>()
            .Where(p => p.DocumentKind == Requirement.Subject.Id && p.Audience == requirement.Audience && p.Within(due.Start, due.End))
            .Where(p => due.Target is null || (p.Author ?? authors.GetValueOrDefault(p.DocumentKey)) == due.Target)
            .ToArray();
        return published.Length > 0
            ? null
            : Violate(due, "publication-missing-" + Plans.Syntax.PlanShape.Kebab(requirement.Audience.ToString()), new Evidence([], [Title], null, Plans.Syntax.PlanShape.Kebab(requirement.Audience.ToString())),
                Title, Plans.Syntax.PlanShape.Kebab(requirement.Audience.ToString()), Context.Name(due.Target));
    }
}
