using System.Globalization;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Violations.Bench;

/// <summary>
/// Violations shaped like the demo's: weekly study short of half a day, a missing talk between two leaders, a
/// document not published, with Chinese and English messages and JSON evidence; about 9 per unit.
/// </summary>
public static class Violations
{
    /// <summary>The body every generated unit is under.</summary>
    public const string Body = "weidu-district";

    /// <summary>The id of unit <paramref name="i"/>.</summary>
    /// <param name="i">Its number.</param>
    public static string Unit(int i) => $"weidu-unit-{i:000000}";

    /// <summary>Violation <paramref name="n"/> of unit <paramref name="unit"/>.</summary>
    /// <param name="unit">The unit's number.</param>
    /// <param name="n">The violation's number within the unit.</param>
    public static StoredViolation Of(int unit, int n)
    {
        var id = Unit(unit);
        var plan = "weidu-template-street";
        var week = 10 + n;
        var start = DateOnly.FromDateTime(ISOWeek.ToDateTime(2014, week, DayOfWeek.Monday));
        var period = $"2014-W{week:00}";
        var (requirement, kind, target) = (n % 3) switch
        {
            0 => ("weekly-study", "period-minimum", (string?)null),
            1 => ("leader-talks", "pair-coverage", $"李{unit % 7}↔王{n}"),
            _ => ("publish-plan", "document", (string?)null),
        };
        var hours = (unit + n) % 4;
        return new StoredViolation
        {
            Id = $"{id}/{plan}@1/{requirement}:{kind}/{period}",
            Unit = id,
            Body = Body,
            PlanId = plan,
            PlanVersion = 1,
            RequirementId = $"{requirement}:{kind}",
            ActionId = requirement,
            Kind = kind,
            Severity = n % 5 == 4 ? "soft" : "required",
            PhaseId = week < 18 ? "study" : "review",
            Period = period,
            PeriodStart = start,
            PeriodEnd = start.AddDays(6),
            Target = target,
            Code = kind + "-short",
            MessageZh = $"{period} 集中学习 {hours} 小时，少于要求的 4 小时（半天），\"每周集中学习的时间不少于半天\"",
            MessageEn = $"{period}: concentrated study took {hours} h, less than the required 4 h (half a day), as \"每周集中学习的时间不少于半天\" says",
            Details = "{\"requirement\":\"" + requirement + "\",\"period\":\"" + period + "\",\"counted\":[{\"record\":\"" + id + "/r" + n.ToString(CultureInfo.InvariantCulture)
                + "\",\"hours\":" + hours.ToString(CultureInfo.InvariantCulture) + ",\"title\":\"学习习近平总书记系列重要讲话\"}],\"missing\":{\"hours\":" + (4 - hours).ToString(CultureInfo.InvariantCulture) + "}}",
        };
    }
}
