using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.OpenApi;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.PlanLifecycle;

/// <summary>
/// A plan version's life over the API (docs/adr/0014): <c>POST /plans/drafts</c> (the unit's campaign office writes a
/// version), <c>GET /plans/{id}/versions/{version}</c>, and the steps <c>submit</c>, <c>return</c> and
/// <c>approve</c> (the body above: its campaign office or the supervision group it sends) and <c>publish</c>
/// (the author, once approved). Every step goes into the version's history with the token's name and the time.
/// </summary>
public static class PlanDraftEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private enum Who
    {
        Author,
        BodyAbove,
    }

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/plans").WithTags("Plan lifecycle").RequireAuthorization();
        group.MapPost("/drafts", WriteAsync)
            .WithName("WritePlanDraft")
            .WithSummary("Write a plan version as a draft (or write a draft or returned version again)")
            .WithDescription("Send the plan as application/yaml or text/plain; '?file=NAME.yaml' names it in the findings. Inherits and rosters are looked up in definitions/. 201 for a new draft, 200 for one written again; 422 with the findings at line:column when the plan has errors.")
            .WithMetadata(new RequestBodyDocumentation(typeof(string), "application/yaml", "text/plain"))
            .Produces<PlanDraftView>(StatusCodes.Status201Created)
            .Produces<PlanDraftView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id}/versions/{version:int}", ShowAsync)
            .WithName("GetPlanVersion")
            .WithSummary("One version of a plan: where it stands in its life and its history")
            .Produces<PlanDraftView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        Step(group, "submit", "SubmitPlanVersion", "Submit a draft (or a returned version again) to the body above", Who.Author,
            (lifecycle, id, version, by, _, ct) => lifecycle.SubmitAsync(id, version, by, ct));
        Step(group, "return", "ReturnPlanVersion", "Return a submitted version to its author with comments ({\"comment\": \"…\"}, required)", Who.BodyAbove,
            (lifecycle, id, version, by, comment, ct) => lifecycle.ReturnAsync(id, version, by, comment, ct));
        Step(group, "approve", "ApprovePlanVersion", "Approve a submitted version (optionally {\"comment\": \"…\"})", Who.BodyAbove,
            (lifecycle, id, version, by, comment, ct) => lifecycle.ApproveAsync(id, version, by, comment, ct));
        Step(group, "publish", "PublishPlanVersion", "Publish an approved version: units that start from the next start on run it; running units stay on their version", Who.Author,
            (lifecycle, id, version, by, _, ct) => lifecycle.PublishAsync(id, version, by, ct));
    }

    private static void Step(RouteGroupBuilder group, string step, string name, string summary, Who who,
        Func<Campaigns.Lifecycle.PlanLifecycle, string, int, string, string?, CancellationToken, Task<PlanStepResult>> take)
    {
        group.MapPost($"/{{id}}/versions/{{version:int}}/{step}", (string id, int version, HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, RequestText body, ApiProblems problems, CancellationToken ct) =>
                TakeAsync(id, version, who, take, context, caller, running, units, body, problems, ct))
            .WithName(name)
            .WithSummary(summary)
            .WithMetadata(new RequestBodyDocumentation(typeof(PlanStepInput), "application/json"))
            .Produces<PlanDraftView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> WriteAsync(HttpContext context, Caller caller, RunningCampaigns running, RequestText body, ApiProblems problems, CancellationToken ct)
    {
        var (text, _, problem) = await body.ReadAsync(context, [BodyKind.Text], ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var file = context.Request.Query["file"] is { Count: > 0 } f && f[0] is { Length: > 0 } name ? Path.GetFileName(name) : "uploaded.yaml";
        var lifecycle = running.Service.Lifecycle;
        var read = lifecycle.Read(text, file);
        if (read.HasErrors)
        {
            return problems.Write(context, StatusCodes.Status422UnprocessableEntity, "plan-draft-invalid", [file], read.Findings);
        }

        if (!caller.CanAuthorPlan(read.Unit!))
        {
            return problems.Write(context, StatusCodes.Status403Forbidden, "plan-author-only", caller.Name, read.PlanId!, read.Unit!);
        }

        var result = await lifecycle.WriteAsync(read, caller.Name, ct).ConfigureAwait(false);
        if (result.Draft is not { } draft)
        {
            return Refused(context, problems, result);
        }

        var view = PlanDraftView.Of(draft, result.Findings.Where(d => d.Severity != CampaignFlow.Plans.Diagnostics.DiagnosticSeverity.Error).ToArray(), Language(context));
        return draft.Steps.Count == 1
            ? Results.Created($"/plans/{Uri.EscapeDataString(draft.PlanId)}/versions/{draft.Version.ToString(CultureInfo.InvariantCulture)}", view)
            : Results.Ok(view);
    }

    private static async Task<IResult> ShowAsync(string id, int version, HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, ApiProblems problems, CancellationToken ct)
    {
        var draft = await running.Service.Lifecycle.GetAsync(id, version, ct).ConfigureAwait(false);
        if (draft is null)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "plan-draft-unknown", id, version.ToString(CultureInfo.InvariantCulture));
        }

        var (body, unit, supervisor) = Above(draft, units);
        if (!caller.CanAuthorPlan(draft.Unit) && !caller.CanApprovePlan(body, unit, supervisor) && !caller.CanReadPlan(draft.PlanId, draft.Unit))
        {
            return problems.Write(context, StatusCodes.Status403Forbidden, "plan-draft-forbidden", caller.Name, id, version.ToString(CultureInfo.InvariantCulture));
        }

        return Results.Ok(PlanDraftView.Of(draft, [], Language(context)));
    }

    private static async Task<IResult> TakeAsync(string id, int version, Who who,
        Func<Campaigns.Lifecycle.PlanLifecycle, string, int, string, string?, CancellationToken, Task<PlanStepResult>> take,
        HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, RequestText body, ApiProblems problems, CancellationToken ct)
    {
        string? comment = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var (text, _, problem) = await body.ReadAsync(context, [BodyKind.Json], ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (!JsonRequestReader.TryRead<PlanStepInput>(text, Json, out var input, out var error))
            {
                return problems.Write(context, StatusCodes.Status400BadRequest, error!.Malformed ? "malformed-json" : "bad-plan-step-request",
                    error.LineText, error.ColumnText, error.Detail);
            }

            comment = input?.Comment;
        }

        var lifecycle = running.Service.Lifecycle;
        var number = version.ToString(CultureInfo.InvariantCulture);
        var draft = await lifecycle.GetAsync(id, version, ct).ConfigureAwait(false);
        if (draft is null)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "plan-draft-unknown", id, number);
        }

        if (who == Who.Author && !caller.CanAuthorPlan(draft.Unit))
        {
            return problems.Write(context, StatusCodes.Status403Forbidden, "plan-author-only", caller.Name, id, draft.Unit);
        }

        if (who == Who.BodyAbove && Above(draft, units) is var (above, unit, supervisor) && !caller.CanApprovePlan(above, unit, supervisor))
        {
            // The body above is named, so a foreign body's office is told whose approval this is.
            return problems.Write(context, StatusCodes.Status403Forbidden, "plan-approver-not-above", caller.Name, id, number, draft.Unit, above ?? "-");
        }

        var result = await take(lifecycle, id, version, caller.Name, comment, ct).ConfigureAwait(false);
        return result.Draft is { } stepped ? Results.Ok(PlanDraftView.Of(stepped, [], Language(context))) : Refused(context, problems, result);
    }

    // The body above a draft's unit and the supervision group it sends: the running unit's, else what the plan says.
    private static (string? Body, CampaignUnit? Unit, string? Supervisor) Above(PlanDraft draft, UnitDirectory units)
    {
        if (units.Find(draft.Unit) is { } unit)
        {
            return (unit.Body, unit, unit.Supervisor);
        }

        var plan = StoredPlans.Resolve(draft.ToVersion(DateTimeOffset.UnixEpoch), out _);
        return (plan?.Unit.Parent, null, plan?.Supervisor);
    }

    private static IResult Refused(HttpContext context, ApiProblems problems, PlanStepResult result)
    {
        var refusal = result.Refusal!;
        var status = refusal.Kind switch
        {
            PlanRefusalKind.Unknown => StatusCodes.Status404NotFound,
            PlanRefusalKind.Invalid when result.Findings.Count > 0 => StatusCodes.Status422UnprocessableEntity,
            PlanRefusalKind.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
        return problems.Write(context, status, refusal.Code, [.. refusal.Arguments], result.Findings);
    }

    private static CultureInfo Language(HttpContext context)
    {
        var culture = ApiLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        return culture;
    }
}
