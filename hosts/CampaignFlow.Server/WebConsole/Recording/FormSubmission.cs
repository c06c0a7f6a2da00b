using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.WebConsole.Shell;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>What every recording form of the console does alike: the day a new form offers, and sending it as the API's record.</summary>
internal static class FormSubmission
{
    /// <summary>The day a new form offers: the reader's today, or the campaign's last day once it has ended.</summary>
    /// <param name="today">Today, by the campaigns' clock (virtual in the demo) in the server's zone.</param>
    /// <param name="plan">The unit's plan.</param>
    public static DateOnly OfferedDay(DateOnly today, ResolvedPlan plan) => today > plan.Window.End ? plan.Window.End : today;

    /// <summary>
    /// Records a form's JSON through <see cref="UnitRecorder"/> (the API's own path): findings, each at the field of the
    /// line it points at, answer 422 and are shown by the page; otherwise back to the unit page, which says what changed.
    /// </summary>
    /// <param name="recorder">The API's recording path.</param>
    /// <param name="request">The console request.</param>
    /// <param name="navigation">Where to go once stored.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="json">The record as JSON.</param>
    /// <param name="fieldAt">The form field of a line of <paramref name="json"/>.</param>
    public static async Task<RecordFindings> RecordAsync(UnitRecorder recorder, ConsoleRequest request, NavigationManager navigation, CampaignUnit unit, string json, Func<int, string> fieldAt)
    {
        var result = await recorder.RecordAsync(request.Caller!, unit, json, RecordFormat.Json, RecordRoute.Any, request.Http.RequestAborted).ConfigureAwait(true);
        var findings = RecordFindings.Of(result, fieldAt, request.Culture);
        if (findings.Any)
        {
            request.Answer(StatusCodes.Status422UnprocessableEntity);
            return findings;
        }

        navigation.NavigateTo(RecordedNotice.Link(unit.Id, result));
        return findings;
    }
}
