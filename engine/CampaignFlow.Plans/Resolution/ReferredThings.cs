using CampaignFlow.Plans.Requirements.Conditions;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Gives each reference of a <c>where</c> (<c>place: { kind: township }</c>) the things it may name, with their
/// attributes, so a judge matches a record without the plan at hand.
/// </summary>
internal static class ReferredThings
{
    public static WhereCondition Fill(WhereCondition condition, IReadOnlyDictionary<string, Place> places) => condition switch
    {
        AllOf all => all with { Items = all.Items.Select(i => Fill(i, places)).ToArray() },
        AnyOf any => any with { Items = any.Items.Select(i => Fill(i, places)).ToArray() },
        NotCondition not => not with { Item = Fill(not.Item, places) },
        ReferredIs referred => referred with { Known = places.ToDictionary(p => p.Key, p => p.Value.Attributes) },
        _ => condition,
    };
}
