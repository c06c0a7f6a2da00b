using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Shell;
using CampaignFlow.Server.WebConsole.Units;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Records;

/// <summary>
/// <c>/console/units/{unit}/records</c>: what a unit has recorded, newest day first, each record by what it is, what
/// it says, who recorded it and when, its key last (the id violations' evidence names). Readers of the unit only, as
/// <c>GET /units/{unit}/records</c>; a page of <see cref="PageSize"/> at a time.
/// </summary>
public partial class RecordListPage
{
    /// <summary>Records a page shows.</summary>
    public const int PageSize = 100;

    private IReadOnlyList<RecordRow> _rows = [];
    private int _total;
    private string? _unitName;
    private (int Status, string Message)? _problem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private UnitDirectory Units { get; set; } = null!;

    /// <summary>The unit's id.</summary>
    [Parameter]
    public string Unit { get; set; } = "";

    /// <summary>How many of the newest records to pass over, as the link writes it.</summary>
    [SupplyParameterFromQuery(Name = "offset")]
    public string? OffsetText { get; set; }

    // A hand-edited link (before the first record, not a number) shows the first page.
    private int Offset => int.TryParse(OffsetText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0;

    /// <summary>The link to a unit's records page.</summary>
    /// <param name="unit">The unit's id.</param>
    public static string Link(string unit) => $"/console/units/{Uri.EscapeDataString(unit)}/records";

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        if (ReadableUnit.Find(Units, Unit, Request, out _problem) is not { } unit)
        {
            return;
        }

        _unitName = unit.Name;
        var service = Running.Service;
        var records = await service.ReadRecordsAsync(unit.Id, ct: Request.Http.RequestAborted).ConfigureAwait(true) ?? [];
        _total = records.Count;
        if (service.FindPlan(unit.PlanId) is not { } plan)
        {
            return;
        }

        _rows = records.OrderByDescending(r => r.Day).ThenByDescending(r => r.Sequence).Skip(Offset).Take(PageSize)
            .Select(stored =>
            {
                var record = RecordCodec.Decode(stored);
                return new RecordRow(stored.Key, stored.Day, RecordWords.Title(record, plan, Request), RecordWords.Details(record, plan, Request), stored.RecordedBy, stored.RecordedAt);
            })
            .ToArray();
    }

    private string PageLink(int offset) => offset == 0 ? Link(Unit) : $"{Link(Unit)}?offset={offset}";

    private sealed record RecordRow(string Key, DateOnly Day, string Title, IReadOnlyList<string> Details, string RecordedBy, DateTimeOffset RecordedAt);
}
