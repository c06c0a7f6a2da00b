using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Recording;
using CampaignFlow.Server.WebConsole.Submissions;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Units;

/// <summary>
/// <c>/console/units/{unit}</c>: a unit's campaign as a timeline (phases as bands, what it recorded as marks, open
/// violations in red at the end of their periods, today), its phases, open violations and what comes next. Readers of
/// the unit only, as <c>GET /units/{unit}/state</c>: another unit's page is a 403 page. Those who may record for the
/// unit also get a form per activity kind of its plan and the CSV upload (<see cref="RecordActivityPage"/>).
/// </summary>
public partial class UnitPage
{
    // The page lists the first ones; the violations page has them all.
    private const int OpenListed = 50;

    // Marks beyond this many would draw one dark bar; the timeline is a picture, the records are in the store.
    private const int MaxMarks = 2000;

    // Enough to act on today; the rest are a link away.
    private const int StepsListed = 10;

    private UnitCampaignState? _state;
    private TimelineScale? _scale;
    private DateOnly _today;
    private IReadOnlyList<StoredRecord> _records = [];
    private IReadOnlyList<StoredViolation> _open = [];
    private (int Status, string Message)? _problem;

    // The unit's plan's words for its documents and roles.
    private Vocabulary? _vocabulary;
    private ResolvedPlan? _plan;
    private IReadOnlyList<ActivityFormLayout> _forms = [];
    private IReadOnlyList<OtherRecordLayout> _otherForms = [];
    private DateOnly _formDay;
    private IReadOnlyList<NextStep> _toResolve = [];
    private IReadOnlyList<NextStep> _coming = [];

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private UnitDirectory Units { get; set; } = null!;

    [Inject]
    private RecordingAccess Recording { get; set; } = null!;

    /// <summary>Records stored by the recording just made here (the forms redirect back with it).</summary>
    [SupplyParameterFromQuery(Name = "recorded")]
    public int? Recorded { get; set; }

    /// <summary>Violations that recording resolved.</summary>
    [SupplyParameterFromQuery(Name = "resolved")]
    public int? Resolved { get; set; }

    /// <summary>Violations that recording opened.</summary>
    [SupplyParameterFromQuery(Name = "opened")]
    public int? Opened { get; set; }

    /// <summary>The unit's id.</summary>
    [Parameter]
    public string Unit { get; set; } = "";

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var culture = Request.Culture;
        if (ReadableUnit.Find(Units, Unit, Request, out _problem) is not { } unit)
        {
            return;
        }

        var service = Running.Service;
        var cancel = Request.Http.RequestAborted;
        if (await service.GetStateAsync(unit.Id, cancel).ConfigureAwait(true) is not { } state)
        {
            _problem = (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-unit", culture, Unit));
            return;
        }

        _state = state;
        _today = Request.DayOf(state.Now);
        _records = (await service.ReadRecordsAsync(unit.Id, maxCount: MaxMarks, ct: cancel).ConfigureAwait(true)) ?? [];
        _open = (await service.QueryViolationsAsync(new ViolationQuery { Units = [unit.Id], Status = ViolationStatus.Open, Limit = 1000 }, cancel).ConfigureAwait(true)).Items;
        var unitPlan = service.FindPlan(unit.PlanId);
        _vocabulary = unitPlan?.Vocabulary;
        _plan = unitPlan;
        _toResolve = NextSteps.ToResolve(_open, unitPlan, Request);
        _coming = NextSteps.Coming(state.NextDeadlines, unitPlan, Request);

        // The recording forms, for those the API lets record here (the unit's recorder, an administrator).
        if (Recording.MayRecord(unit) && unitPlan is { } plan)
        {
            _forms = ActivityFormLayout.AllOf(plan, Request.Culture).Select(f => f.WithOccurrences(plan, _records, Request)).ToArray();
            _otherForms = OtherRecordLayout.AllOf(plan, _records, Request);
            _formDay = _today > plan.Window.End ? plan.Window.End : _today;
        }

        if (state.Phases.Count > 0)
        {
            _scale = new TimelineScale(state.Phases.Min(p => p.Start), state.Phases.Max(p => p.End));
        }
    }

    // A document not stored yet is not with its reviewers (their review page does not list it): it is to be submitted.
    private string GateWords(GateState gate)
    {
        var roles = string.Join(" → ", gate.RolesToApprove.Select(role => _vocabulary?.TitleOf(role) ?? role));
        if (Persons(gate.ActionId) is { Submitted.Count: > 0, Missing.Count: > 0 } persons)
        {
            return Request.T("gate-submitted-some", DocumentTitle(gate.DocumentKind), Request.Number(persons.Submitted.Count), Request.Number(persons.Total), Names(persons.Missing), roles);
        }

        return Submitted(gate)
            ? Request.T("gate-waits", DocumentTitle(gate.DocumentKind), roles)
            : Request.T("gate-not-submitted", DocumentTitle(gate.DocumentKind), roles);
    }

    // "Waiting for approval" of an action that is no document says which documents' approval holds it back, and of a
    // document not submitted yet, that it is to be submitted.
    private string ActionWords(ActionState action, UnitCampaignState state)
    {
        if (action.Status == "awaiting-approval")
        {
            if (state.WaitingGates.FirstOrDefault(g => g.ActionId == action.Id) is { } own)
            {
                if (Persons(own.ActionId) is { Submitted.Count: > 0, Missing.Count: > 0 } persons)
                {
                    return Request.T("action-submitted-some", Request.Number(persons.Submitted.Count), Request.Number(persons.Total), Names(persons.Missing));
                }

                return Submitted(own) ? Request.T("action-awaiting-approval") : Request.T("action-not-submitted");
            }

            var holding = state.WaitingGates.Where(g => g.Gates.Contains(action.Id)).Select(g => DocumentTitle(g.DocumentKind)).ToArray();
            if (holding.Length > 0)
            {
                return Request.T("action-held-back", string.Join(Request.IsChinese ? "、" : ", ", holding));
            }
        }

        return Request.T("action-" + action.Status);
    }

    // A document each person writes is submitted once everyone's is: one stored is one person's.
    private bool Submitted(GateState gate) => Persons(gate.ActionId) is { } persons
        ? persons.Missing.Count == 0
        : _records.Any(r => r.Type == "document" && r.Kind == gate.DocumentKind);

    // Documents each person writes, in phases begun, while someone's is missing: one per document kind, whichever of
    // its requirements asks it (a deadline, a count, a gate: the same people), so a kind is not read as submitted once
    // any one document of it is stored.
    private IReadOnlyList<(string Title, PersonSubmissions Persons)> PersonDocuments() =>
        _plan is not { } plan
            ? []
            : plan.Requirements.Where(r => PersonSubmissions.IsPerPerson(r) && r.Window.Start <= _today)
                .GroupBy(r => r.Subject.Id, StringComparer.Ordinal)
                .Select(g => (Title: plan.Vocabulary.DocumentTitle(g.Key), Persons: PersonSubmissions.Of(plan, g.First(), _records)))
                .Where(d => d.Persons.Missing.Count > 0)
                .ToArray();

    private PersonSubmissions? Persons(string actionId) => _plan is { } plan ? PersonSubmissions.Of(plan, actionId, _records) : null;

    private string Names(IEnumerable<Person> people) => string.Join(Request.IsChinese ? "、" : ", ", people.Select(p => p.Name));

    private string DocumentTitle(string kind) => _vocabulary?.DocumentTitle(kind) ?? kind;
}
