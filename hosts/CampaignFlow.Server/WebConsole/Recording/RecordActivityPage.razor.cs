using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Overview;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// <c>/console/units/{unit}/record/{kind}</c>: one activity kind's recording form (the unit page shows the same form
/// for each kind and posts here), recorded through <see cref="UnitRecorder"/> as every console form is
/// (<see cref="RecordFormPage{TLayout, TValues}"/>). While an approval gate the kind waits for still waits (专题民主生活会方案
/// not yet approved by the supervision group), the form says so above its fields (<see cref="HeldBackGates"/>).
/// </summary>
public partial class RecordActivityPage
{
    // What the kind still waits for: a meeting recorded before its plan is approved is stored, and said so here first.
    private IReadOnlyList<string> _heldBack = [];

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    /// <summary>The activity kind's id.</summary>
    [Parameter]
    public string Kind { get; set; } = "";

    /// <inheritdoc/>
    protected override string Asked => Kind;

    /// <summary>This page's path.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="kind">The activity kind.</param>
    public static string Link(string unitId, string kind) => Home.UnitLink(unitId) + "/record/" + Uri.EscapeDataString(kind);

    /// <inheritdoc/>
    protected override async Task<ActivityFormLayout?> LayoutForAsync(CampaignUnit unit, ResolvedPlan plan)
    {
        if (ActivityFormLayout.For(plan, Kind, Request.Culture) is not { } layout)
        {
            return null;
        }

        var records = await Running.Service.ReadRecordsAsync(unit.Id, ct: Request.Http.RequestAborted).ConfigureAwait(true) ?? [];
        if (await Running.Service.GetStateAsync(unit.Id, Request.Http.RequestAborted).ConfigureAwait(true) is { } state)
        {
            _heldBack = HeldBackGates.Of(plan, state, Kind).Select(g => Request.T("record-held-back", plan.Vocabulary.DocumentTitle(g.DocumentKind), HeldBackGates.Approver(plan, g), layout.Title)).ToArray();
        }

        return layout.WithOccurrences(plan, records, Request);
    }

    /// <inheritdoc/>
    protected override ActivityFormValues NewValues(ActivityFormLayout layout, DateOnly day) => layout.NewValues(day);

    /// <inheritdoc/>
    protected override ActivityFormValues ReadValues(ActivityFormLayout layout, IFormCollection form)
    {
        var values = ActivityFormValues.Read(form);
        return values.Key.Length > 0 ? values : values with { Key = ActivityFormValues.NewKey(Kind, DateOnly.TryParse(values.On, out var day) ? day : default) };
    }

    /// <inheritdoc/>
    protected override (string Json, Func<int, string> FieldAt) Write(ActivityFormLayout layout, ActivityFormValues values)
    {
        var flags = layout.Attributes.Where(a => a.IsFlag).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var record = ActivityRecordText.Write(Kind, values, flags);
        return (record.Text, record.FieldAt);
    }
}
