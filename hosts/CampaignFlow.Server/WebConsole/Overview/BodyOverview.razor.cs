using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Compliance;
using CampaignFlow.Server.Api.Problems;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Overview;

/// <summary>
/// <c>/console/bodies/{body}</c>: a body's units × requirements matrix (met, pending, violated, with totals per row
/// and column), the units most behind, filters by kind, phase and day. Read from the roll-up tallies of ADR 0008, as
/// <c>GET /bodies/{body}/compliance</c>, <c>…/compliance/history</c> (the chart of open violations per day) and
/// <c>GET /units?body=…&amp;sort=behind</c> are; the same checks of the query
/// (<see cref="ComplianceQuery"/>) and of the caller (every unit under the body must be theirs).
/// </summary>
public partial class BodyOverview
{
    // A screen shows the worst few; the matrix sorted by "behind" shows them all.
    private const int BehindListed = 10;

    private BodyScope? _scope;
    private ComplianceFilter? _filter;
    private BodyCompliance? _compliance;
    private IReadOnlyList<UnitStanding> _behind = [];
    private IReadOnlyList<OpenViolationsOnDay> _history = [];
    private IReadOnlyDictionary<string, string> _statements = new Dictionary<string, string>();
    private (int Status, string Message)? _problem;

    /// <summary>The body's id.</summary>
    [Parameter]
    public string Body { get; set; } = "";

    /// <summary>Only units of this kind.</summary>
    [SupplyParameterFromQuery(Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>Only requirements of this phase.</summary>
    [SupplyParameterFromQuery(Name = "phase")]
    public string? Phase { get; set; }

    /// <summary>The day (yyyy-MM-dd).</summary>
    [SupplyParameterFromQuery(Name = "at")]
    public string? At { get; set; }

    /// <summary>tree or behind.</summary>
    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>Rows to skip.</summary>
    [SupplyParameterFromQuery(Name = "offset")]
    public string? Offset { get; set; }

    private string BodyName => Units.NameOf(Body);

    private string Statement(RequirementColumn column) => _statements.GetValueOrDefault(column.Id) ?? column.Title;

    private (string Word, Func<ComplianceCounts, int> Pick)[] ColumnTotals =>
    [
        (Request.T("status-met"), c => c.Met),
        (Request.T("status-pending"), c => c.Pending),
        (Request.T("status-violated"), c => c.Violated),
    ];

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var caller = Request.Caller!;
        var culture = Request.Culture;
        var rollups = Running.Service.Rollups;
        if (rollups.FindBody(Body) is not { } scope)
        {
            _problem = (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-body", culture, Body));
            return;
        }

        if (scope.Units.FirstOrDefault(u => !caller.CanRead(u)) is { } foreign)
        {
            _problem = (StatusCodes.Status403Forbidden, ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-read", culture), foreign.Id));
            return;
        }

        var parameters = new ComplianceQueryParameters { Kind = Kind, Phase = Phase, At = At, Sort = Sort, Offset = Offset };
        if (ComplianceQuery.Read(parameters, scope, out var bad) is not { } filter)
        {
            _problem = (StatusCodes.Status400BadRequest, ApiProblems.Text("bad-query", culture, bad!.Value.Value, bad.Value.Parameter, bad.Value.Expected.Text(culture)));
            return;
        }

        _scope = scope;
        _filter = filter;
        var cancel = Request.Http.RequestAborted;
        // The matrix and the units most behind from one read of the body's tallies: at 10,000 units the read is most
        // of the page's time, and reading it twice was most of the rest.
        var overview = await rollups.GetOverviewAsync(scope, filter, cancel).ConfigureAwait(true);
        _compliance = overview.Compliance;
        _behind = overview.Behind.Where(s => s.OpenViolations > 0).Take(BehindListed).ToArray();
        // The whole body, whatever the kind: the history is kept per unit and day, not per kind (ADR 0008).
        _history = await rollups.GetOpenHistoryAsync(scope, null, _compliance.At, cancel).ConfigureAwait(true);
        _statements = Statements(scope, _compliance.Requirements.Select(r => r.Id), culture);
    }

    // What each column's requirement asks, in the words of the first running plan version under the body that has it
    // (每周：集中学习不少于半天（4 小时）): an action's title alone does not tell its minimum from its cap. Each plan version
    // is looked at once, however many units run it.
    private IReadOnlyDictionary<string, string> Statements(BodyScope scope, IEnumerable<string> requirementIds, System.Globalization.CultureInfo culture)
    {
        var wanted = requirementIds.ToHashSet(StringComparer.Ordinal);
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (planId, version) in scope.Units.Select(u => (u.PlanId, u.PlanVersion)).Distinct())
        {
            if (statements.Count == wanted.Count)
            {
                break;
            }

            if (Running.Service.PlanVersions(planId).FirstOrDefault(p => p.Version == version) is not { } plan)
            {
                continue;
            }

            foreach (var requirement in plan.Requirements.Where(r => wanted.Contains(r.Id) && !statements.ContainsKey(r.Id)))
            {
                statements[requirement.Id] = PlanResolver.Describe(requirement, plan, culture);
            }
        }

        return statements;
    }

    private static string CellClass(ComplianceStatus? status) => status switch
    {
        ComplianceStatus.Met => "cell met",
        ComplianceStatus.Pending => "cell pending",
        ComplianceStatus.Violated => "cell violated",
        _ => "cell none",
    };

    private static string Symbol(ComplianceStatus status) => status == ComplianceStatus.Met ? "✓" : "…";

    private string StatusWord(ComplianceStatus status) => Request.T(status switch
    {
        ComplianceStatus.Met => "status-met",
        ComplianceStatus.Pending => "status-pending",
        _ => "status-violated",
    });

    private string ViolationsLink(string? unit, string? requirement)
    {
        var query = new List<string> { "status=open" };
        query.Add(unit is null ? "body=" + Uri.EscapeDataString(Body) : "unit=" + Uri.EscapeDataString(unit));
        if (requirement is not null)
        {
            query.Add("requirement=" + Uri.EscapeDataString(requirement));
        }

        if (_filter?.Phase is { } phase)
        {
            query.Add("phase=" + Uri.EscapeDataString(phase));
        }

        return "/console/violations?" + string.Join('&', query);
    }

    private string PageLink(int offset)
    {
        var query = new List<string> { "offset=" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (name, value) in new[] { ("kind", _filter?.Kind), ("phase", _filter?.Phase), ("at", At), ("sort", Sort) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        return $"/console/bodies/{Uri.EscapeDataString(Body)}?" + string.Join('&', query);
    }
}
