using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Rules;

/// <summary>
/// A unit's judges, as a fact of its session: the shared rule network reaches the verdict of a unit's requirement
/// through it, so what differs per unit (its plan's id and version, its roster's names and ranks) is data in the
/// session, never a constant in the network.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Judges">The judge of each requirement of the unit's plan, by requirement id.</param>
public sealed record UnitJudges(string Unit, IReadOnlyDictionary<string, RequirementJudge> Judges)
{
    /// <summary>The unit's verdict on requirement <paramref name="requirementId"/> in <paramref name="due"/>.</summary>
    /// <param name="requirementId">The requirement.</param>
    /// <param name="due">The closed period and target.</param>
    /// <param name="records">The relevant records.</param>
    public Violation? Judge(string requirementId, Due due, IReadOnlyCollection<UnitRecord> records) =>
        Judges[requirementId].Judge(due, records);
}
