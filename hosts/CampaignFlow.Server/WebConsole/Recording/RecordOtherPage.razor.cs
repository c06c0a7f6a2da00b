using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// <c>/console/units/{unit}/write/{document|publish|ledger}/{id}</c>: the form of a document of a kind, a publication
/// or an item of a ledger (the unit page shows the same forms and posts here). As with activities, the form becomes
/// the JSON record <c>POST /units/{unit}/records</c> takes and goes through <see cref="UnitRecorder"/>, so the API's
/// rights and findings apply unchanged, each finding at its field; once stored, back to the unit page.
/// </summary>
public partial class RecordOtherPage
{
    private CampaignUnit? _unit;
    private OtherRecordLayout? _layout;
    private OtherRecordValues _values = new();
    private RecordFindings _findings = RecordFindings.None;
    private (int Status, string Message)? _problem;

    [Inject]
    private RecordingAccess Access { get; set; } = null!;

    [Inject]
    private UnitRecorder Recorder { get; set; } = null!;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    // The campaigns' clock (virtual in the demo), for the day a new form offers.
    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    /// <summary>The unit's id.</summary>
    [Parameter]
    public string Unit { get; set; } = "";

    /// <summary><c>document</c>, <c>publish</c> or <c>ledger</c>.</summary>
    [Parameter]
    public string Type { get; set; } = "";

    /// <summary>The document kind or ledger id (<c>document</c> for a publication).</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>This page's path.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="layout">The form.</param>
    public static string Link(string unitId, OtherRecordLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return RecordActivityPage.UnitLink(unitId) + "/write/" + OtherRecordLayout.Segment(layout.Type) + "/" + Uri.EscapeDataString(layout.Id);
    }

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var (unit, plan, problem) = Access.Find(Unit);
        if (problem is not null)
        {
            _problem = problem;
            return;
        }

        var records = await Running.Service.ReadRecordsAsync(unit!.Id, ct: Request.Http.RequestAborted).ConfigureAwait(true) ?? [];
        if (OtherRecordLayout.TypeOf(Type) is not { } type || OtherRecordLayout.For(plan!, type, Id, records, Request) is not { } layout)
        {
            _problem = (StatusCodes.Status404NotFound, Request.T("record-unknown-kind", Id, unit.Name));
            return;
        }

        _unit = unit;
        _layout = layout;
        if (_values.Key.Length == 0)
        {
            _values = OtherRecordValues.New(layout, FormSubmission.OfferedDay(Request.DayOf(Clock.GetUtcNow()), plan!));
        }
    }

    private async Task SaveAsync()
    {
        if (_unit is null || _layout is null)
        {
            return;
        }

        var form = await Request.Http.Request.ReadFormAsync(Request.Http.RequestAborted).ConfigureAwait(true);
        _values = OtherRecordValues.Read(_layout, form);
        if (_values.Key.Length == 0)
        {
            // A post without the form's key (an old bookmark) still records once.
            _values = OtherRecordValues.New(_layout, DateOnly.TryParse(_values.On, out var day) ? day : default) with { On = _values.On, Fields = _values.Fields };
        }

        var record = OtherRecordText.Write(_layout, _values);
        _findings = await FormSubmission.RecordAsync(Recorder, Request, Navigation, _unit, record.Text, record.FieldAt).ConfigureAwait(true);
    }
}
