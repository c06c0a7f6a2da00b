using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// The violations page's exports (CSV and .xlsx) as a reader takes them to a meeting: columns named in the reader's
/// language, units and bodies by name, each requirement, phase and plan in the plan's words, periods and moments as
/// the page writes them (2014年3月7日, Beijing time), the violation's reference last. The API's CSV
/// (<c>ViolationCsv</c>) keeps its ids and ISO dates for programs; this sheet is for people (ADR 0029).
/// </summary>
/// <remarks>One sheet serves one export: it remembers each plan version's words as the rows name them.</remarks>
public sealed class ViolationSheet(ConsoleRequest request, UnitDirectory units, CampaignService service)
{
    private readonly ViolationPlanWords _words = new(service, request.Culture);

    /// <summary>The header row, in the reader's language.</summary>
    public IReadOnlyList<string> Header =>
    [
        request.T("filter-unit"), request.T("filter-body"), request.T("filter-requirement"), request.T("filter-phase"), request.T("filter-period"),
        request.T("filter-severity"), request.T("filter-status"), request.T("sheet-opened"), request.T("sheet-resolved"), request.T("sheet-message"),
        request.T("filter-plan"), request.T("sheet-reference"),
    ];

    /// <summary>One violation's cells, in the header's order.</summary>
    /// <param name="violation">The violation.</param>
    public string[] Cells(StoredViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return
        [
            units.Find(violation.Unit)?.Name ?? violation.Unit,
            violation.Body is { } body ? units.Find(body)?.Name ?? body : "",
            _words.Requirement(violation),
            _words.Phase(violation),
            request.Period(violation.Period, violation.PeriodStart, violation.PeriodEnd),
            request.T(violation.Severity == "soft" ? "severity-soft" : "severity-required"),
            request.T(violation.Status == ViolationStatus.Open ? "violation-open" : "violation-resolved"),
            request.Moment(violation.OpenedAt),
            violation.ResolvedAt is { } resolved ? request.Moment(resolved) : "",
            request.IsChinese ? violation.MessageZh : violation.MessageEn,
            _words.PlanTitle(violation),
            violation.Id,
        ];
    }
}
