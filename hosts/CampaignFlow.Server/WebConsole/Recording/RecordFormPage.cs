using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.WebConsole.Overview;
using CampaignFlow.Server.WebConsole.Shell;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What every recording form of the console does alike. Who may open it is who the API lets record for the unit
/// (<see cref="RecordingAccess"/>); a new form offers the reader's today (the campaign's last day once it has ended)
/// and a fresh key, so posting it twice stores one record; a posted form becomes the JSON record
/// <c>POST /units/{unit}/records</c> takes and goes through <see cref="UnitRecorder"/>, so the API's rights and
/// findings apply unchanged. Findings answer 422, each shown at the field of the line it points at; once stored, back
/// to the unit page, which says what changed.
/// </summary>
/// <typeparam name="TLayout">The form's fields, from the unit's plan.</typeparam>
/// <typeparam name="TValues">What the form holds.</typeparam>
public abstract class RecordFormPage<TLayout, TValues> : ComponentBase
    where TLayout : class
    where TValues : class, new()
{
    private bool _filled;

    /// <summary>The console request.</summary>
    [Inject]
    protected ConsoleRequest Request { get; set; } = null!;

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

    /// <summary>The unit, once the reader may record for it and the form exists.</summary>
    protected CampaignUnit? FormUnit { get; private set; }

    /// <summary>The form's fields, once found.</summary>
    protected TLayout? Layout { get; private set; }

    /// <summary>What the form holds: a new form's defaults, or what was posted.</summary>
    protected TValues Values { get; private set; } = new();

    /// <summary>What the campaign service found wrong with the posted record.</summary>
    protected RecordFindings Findings { get; private set; } = RecordFindings.None;

    /// <summary>The refusal to show instead of the form (403, 404).</summary>
    protected (int Status, string Message)? Problem { get; private set; }

    /// <summary>What the route asks for (a kind, a document or ledger id), for the answer when the plan has no such form.</summary>
    protected abstract string Asked { get; }

    /// <summary>The form's fields for <paramref name="unit"/>, or null when its plan has no such form.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="plan">The unit's plan.</param>
    protected abstract Task<TLayout?> LayoutForAsync(CampaignUnit unit, ResolvedPlan plan);

    /// <summary>A new form's values: a fresh key, and <paramref name="day"/>.</summary>
    /// <param name="layout">The form.</param>
    /// <param name="day">The day offered.</param>
    protected abstract TValues NewValues(TLayout layout, DateOnly day);

    /// <summary>The posted values, given a fresh key when the post has none (an old bookmark), so it still records once.</summary>
    /// <param name="layout">The form.</param>
    /// <param name="form">The post.</param>
    protected abstract TValues ReadValues(TLayout layout, IFormCollection form);

    /// <summary>The record of <paramref name="values"/> as the API's JSON, with the form field of each of its lines.</summary>
    /// <param name="layout">The form.</param>
    /// <param name="values">The values.</param>
    protected abstract (string Json, Func<int, string> FieldAt) Write(TLayout layout, TValues values);

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var (unit, plan, problem) = Access.Find(Unit);
        if (problem is not null)
        {
            Problem = problem;
            return;
        }

        if (await LayoutForAsync(unit!, plan!).ConfigureAwait(true) is not { } layout)
        {
            Problem = (StatusCodes.Status404NotFound, Request.T("record-unknown-kind", Asked, unit!.Name));
            return;
        }

        FormUnit = unit;
        Layout = layout;
        if (!_filled)
        {
            var today = Request.DayOf(Clock.GetUtcNow());
            Values = NewValues(layout, today > plan!.Window.End ? plan.Window.End : today);
            _filled = true;
        }
    }

    /// <summary>Records the posted form, or shows what was found wrong with it.</summary>
    protected async Task SaveAsync()
    {
        if (FormUnit is null || Layout is null)
        {
            return;
        }

        var form = await Request.Http.Request.ReadFormAsync(Request.Http.RequestAborted).ConfigureAwait(true);
        Values = ReadValues(Layout, form);
        _filled = true;
        var (json, fieldAt) = Write(Layout, Values);
        var result = await Recorder.RecordAsync(Request.Caller!, FormUnit, json, RecordFormat.Json, RecordRoute.Any, Request.Http.RequestAborted).ConfigureAwait(true);
        Findings = RecordFindings.Of(result, fieldAt, Request.Culture);
        if (Findings.Any)
        {
            Request.Answer(StatusCodes.Status422UnprocessableEntity);
            return;
        }

        Navigation.NavigateTo(RecordedNotice.Link(FormUnit.Id, result));
    }

    /// <summary>The unit page's path, for the crumbs.</summary>
    /// <param name="unitId">The unit.</param>
    protected static string UnitLink(string unitId) => Home.UnitLink(unitId);
}
