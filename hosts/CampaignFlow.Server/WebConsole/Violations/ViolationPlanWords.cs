using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// A violation's requirement, phase and plan in the words of the plan version it was found under (开通“民意快线”须在2014年3月31日前完成,
/// 学习教育、听取意见), for a reader who knows no id such as <c>people-hotline:deadline</c>; the id itself when the version
/// is not running. Each plan version's words are worked out once per instance (one page, one export).
/// </summary>
public sealed class ViolationPlanWords(CampaignService service, CultureInfo culture)
{
    private readonly Dictionary<(string Plan, int Version), Words> _plans = [];

    /// <summary>What the violation's requirement asks, in the plan's words.</summary>
    /// <param name="violation">The violation.</param>
    public string Requirement(StoredViolation violation) =>
        Of(violation).Requirements.GetValueOrDefault(violation.RequirementId) ?? violation.RequirementId;

    /// <summary>The title of the violation's phase, or empty when it has none.</summary>
    /// <param name="violation">The violation.</param>
    public string Phase(StoredViolation violation) =>
        violation.PhaseId is { } phase ? Of(violation).Phases.GetValueOrDefault(phase) ?? phase : "";

    /// <summary>The title of the violation's plan.</summary>
    /// <param name="violation">The violation.</param>
    public string PlanTitle(StoredViolation violation) => Of(violation).Title;

    private Words Of(StoredViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var key = (violation.PlanId, violation.PlanVersion);
        if (!_plans.TryGetValue(key, out var words))
        {
            words = ViolationRecordWords.PlanOf(service, violation) is { } plan
                ? new Words(
                    plan.Title,
                    plan.Requirements.DistinctBy(r => r.Id, StringComparer.Ordinal).ToDictionary(r => r.Id, r => PlanResolver.Describe(r, plan, culture), StringComparer.Ordinal),
                    plan.AllPhases.DistinctBy(p => p.Id, StringComparer.Ordinal).ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal))
                : new Words(violation.PlanId, new Dictionary<string, string>(), new Dictionary<string, string>());
            _plans[key] = words;
        }

        return words;
    }

    private sealed record Words(string Title, IReadOnlyDictionary<string, string> Requirements, IReadOnlyDictionary<string, string> Phases);
}
