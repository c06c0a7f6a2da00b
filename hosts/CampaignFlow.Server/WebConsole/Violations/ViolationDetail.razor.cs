using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// <c>/console/violation?id=…</c>: one violation with its evidence and history, as <c>GET /violations/{id}</c> gives it;
/// readers of its unit only. The id is a query parameter because ids hold slashes.
/// </summary>
public partial class ViolationDetail
{
    private StoredViolation? _violation;
    private IReadOnlyList<ViolationEvent> _history = [];

    // The plan version the violation was found under: its phases' titles, requirements' and records' words.
    private ResolvedPlan? _plan;
    private IReadOnlyDictionary<string, string> _recordWords = new Dictionary<string, string>();
    private (int Status, string Message)? _problem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private UnitDirectory Units { get; set; } = null!;

    /// <summary>The violation's id.</summary>
    [SupplyParameterFromQuery(Name = "id")]
    public string? Id { get; set; }

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var caller = Request.Caller!;
        var culture = Request.Culture;
        var service = Running.Service;
        var cancel = Request.Http.RequestAborted;
        if (string.IsNullOrWhiteSpace(Id) || await service.GetViolationAsync(Id, cancel).ConfigureAwait(true) is not { } violation)
        {
            _problem = (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-violation", culture, Id ?? ""));
            return;
        }

        var readable = Units.Find(violation.Unit) is { } unit ? caller.CanRead(unit) : caller.ReadsAll;
        if (!readable)
        {
            _problem = (StatusCodes.Status403Forbidden, ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-read", culture), violation.Unit));
            return;
        }

        _violation = violation;
        _plan = ViolationRecordWords.PlanOf(service, violation);
        _history = await service.GetViolationHistoryAsync(violation.Id, cancel).ConfigureAwait(true);
        var keys = ViolationEvidence.Of(violation.Details).Counted
            .Concat(_history.SelectMany(step => Api.Violations.ViolationEventView.Of(step).Records ?? []))
            .ToHashSet(StringComparer.Ordinal);
        var words = await ViolationRecordWords.ReadAsync(service, Request, [(violation, _plan, keys)], cancel).ConfigureAwait(true);
        _recordWords = ViolationRecordWords.Of(words, violation.Id);
    }

    private string RecordWord(string key) => _recordWords.TryGetValue(key, out var words) ? $"{words} {key}" : key;

    private string UnitName(string unitId) => Units.Find(unitId)?.Name ?? unitId;

    private string PhaseTitle(string phaseId) => _plan?.AllPhases.FirstOrDefault(p => p.Id == phaseId)?.Title ?? phaseId;

    private string? RequirementWords(string requirementId) =>
        _plan?.Requirements.FirstOrDefault(r => r.Id == requirementId) is { } requirement
            ? PlanResolver.Describe(requirement, _plan, Request.Culture)
            : null;
}
