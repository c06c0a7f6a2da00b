using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.OpenApi;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Plans;

/// <summary>
/// <c>GET /plans</c> (the running plans the caller may read), <c>GET /plans/{id}</c> (one, resolved) and
/// <c>POST /plans/validate</c> (check an uploaded plan against definitions/, with line:column findings; nothing
/// is stored or published).
/// </summary>
public static class PlanEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/plans").WithTags("Plans").RequireAuthorization();
        group.MapGet("/", List)
            .WithName("ListPlans")
            .WithSummary("The running plans of the units the caller may read")
            .Produces<IReadOnlyList<PlanSummaryView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id}", Show)
            .WithName("GetPlan")
            .WithSummary("One plan as it runs: dates, hours, requirements")
            .Produces<PlanView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/validate", ValidateAsync)
            .WithName("ValidatePlan")
            .WithSummary("Validate a plan's YAML text (inherits and rosters are looked up in definitions/)")
            .WithDescription("Send the plan as application/yaml or text/plain; '?file=NAME.yaml' names it in the findings. Nothing is stored.")
            .WithMetadata(new RequestBodyDocumentation(typeof(string), "application/yaml", "text/plain"))
            .Produces<PlanValidationView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static IResult List(Caller caller) =>
        Results.Ok(caller.ReadableUnits()
            .Select(u => new PlanSummaryView(u.PlanId, u.PlanVersion, u.Title, u.Id, u.Name, u.Body, u.Supervisor))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray());

    private static IResult Show(string id, HttpContext context, Caller caller, RunningCampaigns running, UnitLookup lookup, ApiProblems problems)
    {
        if (running.Service.FindPlan(id) is not { } plan)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "unknown-plan", id);
        }

        var (_, problem) = lookup.Find(context, caller, plan.Unit.Id, UnitAccess.Read);
        if (problem is not null)
        {
            return problem;
        }

        var culture = ApiLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        return Results.Ok(PlanView.Of(plan, culture));
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, RunningCampaigns running, RequestText body, CancellationToken cancellationToken)
    {
        var (text, _, problem) = await body.ReadAsync(context, [BodyKind.Text], cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var file = context.Request.Query["file"] is { Count: > 0 } f && f[0] is { Length: > 0 } name
            ? Path.GetFileName(name)
            : "uploaded.yaml";
        var culture = ApiLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        var diagnostics = running.Service.ValidatePlan(text, file);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return Results.Ok(new PlanValidationView(errors == 0, errors, diagnostics.Count - errors,
            diagnostics.Take(PlanValidationView.MaxShown).Select(d => DiagnosticView.Of(d, culture)).ToArray(), diagnostics.Count > PlanValidationView.MaxShown));
    }
}
