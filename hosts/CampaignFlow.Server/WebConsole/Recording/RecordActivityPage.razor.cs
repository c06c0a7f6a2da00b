using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// <c>/console/units/{unit}/record/{kind}</c>: one activity kind's recording form (the unit page shows the same form
/// for each kind and posts here). The form becomes the JSON record <c>POST /units/{unit}/records</c> takes and goes
/// through the same <see cref="UnitRecorder"/>, so the API's rights and findings apply unchanged; a finding is shown
/// at the field whose value it is about. Once stored, back to the unit page, which says what changed.
/// </summary>
public partial class RecordActivityPage
{
    private CampaignUnit? _unit;
    private ActivityFormLayout? _layout;
    private ActivityFormValues _values = new();
    private RecordFindings _findings = RecordFindings.None;
    private (int Status, string Message)? _problem;

    [Inject]
    private RecordingAccess Access { get; set; } = null!;

    [Inject]
    private UnitRecorder Recorder { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    // The campaigns' clock (virtual in the demo), for the day a new form offers.
    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    /// <summary>The unit's id.</summary>
    [Parameter]
    public string Unit { get; set; } = "";

    /// <summary>The activity kind's id.</summary>
    [Parameter]
    public string Kind { get; set; } = "";

    /// <summary>The unit page's path for <paramref name="unitId"/>.</summary>
    /// <param name="unitId">The unit.</param>
    public static string UnitLink(string unitId) => "/console/units/" + Uri.EscapeDataString(unitId);

    /// <summary>This page's path.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="kind">The activity kind.</param>
    public static string Link(string unitId, string kind) => UnitLink(unitId) + "/record/" + Uri.EscapeDataString(kind);

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var (unit, plan, problem) = Access.Find(Unit);
        if (problem is not null)
        {
            _problem = problem;
            return;
        }

        if (ActivityFormLayout.For(plan!, Kind) is not { } layout)
        {
            _problem = (StatusCodes.Status404NotFound, Request.T("record-unknown-kind", Kind, unit!.Name));
            return;
        }

        _unit = unit;
        _layout = layout;
        if (_values.Key.Length == 0)
        {
            _values = ActivityFormValues.New(Kind, FormSubmission.OfferedDay(Request.DayOf(Clock.GetUtcNow()), plan!));
        }
    }

    private async Task SaveAsync()
    {
        if (_unit is null || _layout is null)
        {
            return;
        }

        var form = await Request.Http.Request.ReadFormAsync(Request.Http.RequestAborted).ConfigureAwait(true);
        _values = ActivityFormValues.Read(form);
        if (_values.Key.Length == 0)
        {
            // A post without the form's key (another page's form, an old bookmark) still records once.
            _values = _values with { Key = ActivityFormValues.NewKey(Kind, DateOnly.TryParse(_values.On, out var day) ? day : default) };
        }

        var flags = _layout.Attributes.Where(a => a.IsFlag).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var record = ActivityRecordText.Write(Kind, _values, flags);
        _findings = await FormSubmission.RecordAsync(Recorder, Request, Navigation, _unit, record.Text, record.FieldAt).ConfigureAwait(true);
    }
}
