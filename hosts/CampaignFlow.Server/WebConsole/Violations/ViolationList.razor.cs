using System.Globalization;
using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Violations;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// <c>/console/violations</c>: the violations the reader may see, with the API's filters (<see cref="ViolationFilter"/>)
/// and scope (<see cref="ViolationScope"/>), each with its message, numbers and evidence, a link to its history, and
/// the same matches as a CSV export.
/// </summary>
public partial class ViolationList
{
    // A page of violations with their evidence; the CSV export has every match.
    private const int PageSize = 50;

    private ViolationFilter? _filter;
    private ViolationPage _page = new([], 0);
    private ViolationFilterChoices _choices = new([], [], [], [], []);
    private ViolationPlanWords? _planWords;
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _recordWords = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    private (int Status, string Message)? _problem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private ViolationScope Scope { get; set; } = null!;

    [Inject]
    private UnitDirectory Units { get; set; } = null!;

    /// <summary>One unit.</summary>
    [SupplyParameterFromQuery(Name = "unit")]
    public string? Unit { get; set; }

    /// <summary>Every unit under a body.</summary>
    [SupplyParameterFromQuery(Name = "body")]
    public string? Body { get; set; }

    /// <summary>A plan.</summary>
    [SupplyParameterFromQuery(Name = "plan")]
    public string? Plan { get; set; }

    /// <summary>A requirement.</summary>
    [SupplyParameterFromQuery(Name = "requirement")]
    public string? Requirement { get; set; }

    /// <summary>A phase.</summary>
    [SupplyParameterFromQuery(Name = "phase")]
    public string? Phase { get; set; }

    /// <summary>A period (2014-W10).</summary>
    [SupplyParameterFromQuery(Name = "period")]
    public string? Period { get; set; }

    /// <summary>required or soft.</summary>
    [SupplyParameterFromQuery(Name = "severity")]
    public string? Severity { get; set; }

    /// <summary>open or resolved.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>Periods ending on or after this day.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Periods starting on or before this day.</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>Matches to skip.</summary>
    [SupplyParameterFromQuery(Name = "offset")]
    public string? Offset { get; set; }

    /// <summary>The link to one violation's page.</summary>
    /// <param name="id">The violation's id.</param>
    public static string DetailLink(string id) => "/console/violation?id=" + Uri.EscapeDataString(id);

    private string ExportLink => ViolationExportEndpoint.Path + Query(null);

    private string XlsxLink => ViolationExportEndpoint.XlsxPath + Query(null);

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var caller = Request.Caller!;
        var culture = Request.Culture;
        var parameters = new ViolationQueryParameters
        {
            Unit = Unit,
            Body = Body,
            Plan = Plan,
            Requirement = Requirement,
            Phase = Phase,
            Period = Period,
            Severity = Severity,
            Status = Status,
            From = From,
            To = To,
            Offset = Offset,
            Limit = PageSize.ToString(CultureInfo.InvariantCulture),
        };
        if (parameters.ToFilter(out var bad) is not { } filter)
        {
            _problem = (StatusCodes.Status400BadRequest, ApiProblems.Text("bad-query", culture, bad!.Value.Value, bad.Value.Parameter, bad.Value.Expected.Text(culture)));
            return;
        }

        var units = Scope.Resolve(caller, filter);
        if (units.Unknown is { } unknown)
        {
            _problem = (StatusCodes.Status404NotFound, ApiProblems.Text(unknown.Code, culture, unknown.Id));
            return;
        }

        if (units.Forbidden is { } foreign)
        {
            _problem = (StatusCodes.Status403Forbidden, ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-read", culture), foreign));
            return;
        }

        _filter = filter;
        _page = units.Units is { Count: 0 }
            ? new ViolationPage([], 0)
            : await Running.Service.QueryViolationsAsync(filter.ToQuery(units.Units), Request.Http.RequestAborted).ConfigureAwait(true);
        // The records each evidence counted by what they are and their day, as on the violation's own page.
        _recordWords = await ViolationRecordWords.ReadAsync(
            Running.Service,
            Request,
            _page.Items.Select(v => (v, ViolationRecordWords.PlanOf(Running.Service, v), (IReadOnlyCollection<string>)ViolationEvidence.Of(v.Details).Counted)),
            Request.Http.RequestAborted).ConfigureAwait(true);
        _choices = ViolationFilterChoices.For(caller, Units, Running.Service.Plans, culture);
        _planWords = new ViolationPlanWords(Running.Service, culture);
    }

    private string UnitName(string unitId) => Units.Find(unitId)?.Name ?? unitId;

    private string PageLink(int offset) => "/console/violations" + Query(offset);

    private string Query(int? offset)
    {
        var query = new List<string>();
        foreach (var (name, value) in new[]
        {
            ("unit", Unit), ("body", Body), ("plan", Plan), ("requirement", Requirement), ("phase", Phase), ("period", Period),
            ("severity", Severity), ("status", Status), ("from", From), ("to", To),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        if (offset is { } skip)
        {
            query.Add("offset=" + skip.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "" : "?" + string.Join('&', query);
    }
}
