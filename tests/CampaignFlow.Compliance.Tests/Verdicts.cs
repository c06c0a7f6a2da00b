using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Tests;

/// <summary>Short forms for the seed-requirement tests: one requirement's verdicts on a seed's demo log, changed by a record or two.</summary>
internal static class Verdicts
{
    /// <summary>The violations of <paramref name="requirementId"/> on the demo log of <paramref name="plan"/>, changed.</summary>
    /// <remarks>The requirement must exist in the plan, so that a misspelt id cannot pass as "met".</remarks>
    public static Violation[] Of(string plan, string requirementId, Func<UnitRecord, bool>? without = null, IEnumerable<UnitRecord>? with = null)
    {
        Seeds.Rules(plan).Judges.Keys.ShouldContain(requirementId);
        return Seeds.Simulate(plan, without, with).Violations.Where(v => v.RequirementId == requirementId).ToArray();
    }

    /// <summary>The one violation of <paramref name="requirementId"/>; fails when there is none or more than one.</summary>
    public static Violation Single(string plan, string requirementId, Func<UnitRecord, bool>? without = null, IEnumerable<UnitRecord>? with = null) =>
        Of(plan, requirementId, without, with).ShouldHaveSingleItem();

    /// <summary>Asserts that <paramref name="requirementId"/> is met (no violation of it) on the demo log, changed.</summary>
    public static void Met(string plan, string requirementId, Func<UnitRecord, bool>? without = null, IEnumerable<UnitRecord>? with = null) =>
        Of(plan, requirementId, without, with).ShouldBeEmpty();

    /// <summary>A record of the demo log of <paramref name="plan"/>.</summary>
    public static T Record<T>(string plan, string key)
        where T : UnitRecord => (T)Seeds.Log(plan).Records.Single(r => r.Key == key);

    /// <summary>An activity of the demo log moved to another day (one day long).</summary>
    public static ActivityRecord Moved(string plan, string key, string day)
    {
        var date = Day(day);
        return Record<ActivityRecord>(plan, key) with { Day = date, LastDay = date };
    }

    /// <summary>A day written as an ISO date.</summary>
    public static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Attributes of an activity or fields of a ledger item.</summary>
    public static Dictionary<string, string> With(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
