using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Overview;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// <c>/console/units/{unit}/write/{document|publish|ledger}/{id}</c>: the form of a document of a kind, a publication
/// or an item of a ledger (the unit page shows the same forms and posts here), recorded through
/// <see cref="UnitRecorder"/> as every console form is (<see cref="RecordFormPage{TLayout, TValues}"/>).
/// </summary>
public partial class RecordOtherPage
{
    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    /// <summary><c>document</c>, <c>publish</c> or <c>ledger</c>.</summary>
    [Parameter]
    public string Type { get; set; } = "";

    /// <summary>The document kind or ledger id (<c>document</c> for a publication).</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <inheritdoc/>
    protected override string Asked => Id;

    /// <summary>This page's path.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="layout">The form.</param>
    public static string Link(string unitId, OtherRecordLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Home.UnitLink(unitId) + "/write/" + OtherRecordLayout.Segment(layout.Type) + "/" + Uri.EscapeDataString(layout.Id);
    }

    /// <inheritdoc/>
    protected override async Task<OtherRecordLayout?> LayoutForAsync(CampaignUnit unit, ResolvedPlan plan)
    {
        if (OtherRecordLayout.TypeOf(Type) is not { } type)
        {
            return null;
        }

        var records = await Running.Service.ReadRecordsAsync(unit.Id, ct: Request.Http.RequestAborted).ConfigureAwait(true) ?? [];
        return OtherRecordLayout.For(plan, type, Id, records, Request);
    }

    /// <inheritdoc/>
    protected override OtherRecordValues NewValues(OtherRecordLayout layout, DateOnly day) => OtherRecordValues.New(layout, day);

    /// <inheritdoc/>
    protected override OtherRecordValues ReadValues(OtherRecordLayout layout, IFormCollection form)
    {
        var values = OtherRecordValues.Read(layout, form);
        return values.Key.Length > 0 ? values
            : OtherRecordValues.New(layout, DateOnly.TryParse(values.On, out var day) ? day : default) with { On = values.On, Fields = values.Fields };
    }

    /// <inheritdoc/>
    protected override (string Json, Func<int, string> FieldAt) Write(OtherRecordLayout layout, OtherRecordValues values)
    {
        var record = OtherRecordText.Write(layout, values);
        return (record.Text, record.FieldAt);
    }
}
