using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Server.Api.Groups;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Recording;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Reviewing;

/// <summary>
/// <c>/console/reviews</c>: for a supervision group's reviewer (or an administrator), the documents waiting for the
/// group's approval, each with a comment and two buttons, approve and return. A decision is the review record
/// <c>POST /units/{unit}/reviews</c> takes (<c>by: supervisor</c>), sent through the same <see cref="UnitRecorder"/>,
/// so the API's rights and findings apply; the gate opens when the campaign service has judged it. Above the queue, the
/// meetings its units must hold again, with their last days: a failed evaluation is a violation only after that day.
/// </summary>
public partial class ReviewPage
{
    /// <summary>This page's path.</summary>
    public const string Path = "/console/reviews";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private IReadOnlyList<WaitingDocument> _waiting = [];
    private IReadOnlyList<UnitHeldAgain> _heldAgain = [];
    private readonly Dictionary<string, RecordFindings> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _comments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dues = new(StringComparer.Ordinal);
    private (int Status, string Message)? _problem;
    private IReadOnlyList<SupervisionGroup> _groups = [];

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private ReviewQueue Queue { get; set; } = null!;

    [Inject]
    private UnitRecorder Recorder { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    // The campaigns' clock (virtual in the demo): a review is dated the day it is decided.
    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    /// <summary>The document just reviewed (the form redirects back with it).</summary>
    [SupplyParameterFromQuery(Name = "reviewed")]
    public string? Reviewed { get; set; }

    /// <summary>How it was decided: approved or returned.</summary>
    [SupplyParameterFromQuery(Name = "decision")]
    public string? Decision { get; set; }

    /// <summary>True for the readers who review: supervision groups and administrators.</summary>
    /// <param name="caller">The reader.</param>
    public static bool Reviews(Caller? caller) => caller?.Grant.Role is AccessRole.Reviewer or AccessRole.Admin;

    /// <summary>The form's name and the element ids of one document.</summary>
    /// <param name="document">The document.</param>
    public static string IdOf(WaitingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return "review-" + Uri.EscapeDataString(document.Unit.Id + "-" + document.DocumentKey).Replace('%', '_');
    }

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var caller = Request.Caller!;
        if (!Reviews(caller))
        {
            _problem = (StatusCodes.Status403Forbidden, Request.T("reviews-forbidden", caller.Name));
            return;
        }

        _waiting = await Queue.WaitingAsync(caller, Request.Http.RequestAborted).ConfigureAwait(true);
        _heldAgain = await Queue.HeldAgainAsync(caller, Request.Http.RequestAborted).ConfigureAwait(true);
        // The group's page of work beside its queue: a reviewer's own group, every group for an administrator.
        _groups = Running.Service.Organisation.Groups
            .Where(g => caller.Grant.Role == AccessRole.Admin || GroupWork.IsOwn(caller, g))
            .ToArray();
    }

    private RecordFindings FindingsOf(WaitingDocument document) => _findings.GetValueOrDefault(IdOf(document)) ?? RecordFindings.None;

    private async Task DecideAsync(WaitingDocument document)
    {
        var id = IdOf(document);
        var form = await Request.Http.Request.ReadFormAsync(Request.Http.RequestAborted).ConfigureAwait(true);
        var decision = form["decision"].ToString();
        var comment = form["comment"].ToString().Trim();
        _comments[id] = comment;
        var due = form["due"].ToString().Trim();
        _dues[id] = due;
        if (decision is not ("approved" or "returned"))
        {
            Refuse(id, RecordFindings.Single("comment", Request.T("review-choose-decision")));
            return;
        }

        if (decision == "returned" && comment.Length == 0)
        {
            // A unit told only "returned" cannot know what to change.
            Refuse(id, RecordFindings.Single("comment", Request.T("review-comment-needed")));
            return;
        }

        var key = form["key"].ToString() is { Length: > 0 } posted ? posted : NewKey(document);
        var day = Request.DayOf(Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var record = new Dictionary<string, string> { ["key"] = key, ["review"] = document.DocumentKey, ["by"] = RecordRights.SupervisorRole, ["decision"] = decision, ["on"] = day };
        if (comment.Length > 0)
        {
            record["comment"] = comment;
        }

        // A day to do it again belongs to a return only; an approval asks for nothing more.
        if (decision == "returned" && due.Length > 0)
        {
            record["due"] = due;
        }

        var result = await Recorder.RecordAsync(Request.Caller!, document.Unit, JsonSerializer.Serialize(record, Json), RecordFormat.Json, RecordRoute.Reviews, Request.Http.RequestAborted).ConfigureAwait(true);
        var findings = RecordFindings.Of(result, _ => "", Request.Culture);
        if (findings.Any)
        {
            Refuse(id, findings);
            return;
        }

        Navigation.NavigateTo($"{Path}?reviewed={Uri.EscapeDataString(document.DocumentKey)}&decision={decision}#reviewed");
    }

    private void Refuse(string id, RecordFindings findings)
    {
        _findings[id] = findings;
        Request.Answer(StatusCodes.Status422UnprocessableEntity);
    }

    // The review's idempotency key, made when the form is drawn: a decision posted twice is stored once.
    private static string NewKey(WaitingDocument document) => $"{document.DocumentKey}-supervisor-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}";
}
