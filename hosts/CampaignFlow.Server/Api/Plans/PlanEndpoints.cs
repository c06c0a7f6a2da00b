using CampaignFlow.Plans.Comparison;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.OpenApi;
using CampaignFlow.Server.Api.PlanLifecycle;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Plans;

/// <summary>
/// <c>GET /plans</c> (the running plans the caller may read, and the templates they are built on),
/// <c>GET /plans/{id}</c> (one, resolved), <c>GET /plans/{id}/changes</c> (between two published versions) and
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
            .WithSummary("The running plans of the units the caller may read, and the template plans they inherit")
            .Produces<IReadOnlyList<PlanSummaryView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id}", ShowAsync)
            .WithName("GetPlan")
            .WithSummary("One plan as it runs: dates, hours, requirements, and every version's history (who did what when)")
            .Produces<PlanView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/changes", ChangesAsync)
            .WithName("GetPlanChanges")
            .WithSummary("What changed between two published versions of a plan, in requirement terms")
            .WithDescription("'?to=' defaults to the version that runs, '?from=' to the published version before 'to'.")
            .Produces<PlanChangesView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
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

    private static async Task<IResult> List(Caller caller, RunningCampaigns running, UnitDirectory units, CancellationToken ct)
    {
        // A template's version published since the start (here or on another host) is listed at once (ADR 0025).
        var plans = await running.Service.PlansAsync(ct).ConfigureAwait(false);
        var runs = caller.ReadableUnits()
            .Select(u => new PlanSummaryView(u.PlanId, u.PlanVersion, u.Title, u.Id, u.Name, u.Body, u.Supervisor, Template: false))
            .ToArray();
        // A body's plan that its units' plans inherit runs for the body too: listed once, as the body's.
        var runByItsUnit = runs.Select(p => (p.Id, p.Unit)).ToHashSet();
        var templates = plans
            .Where(p => !runByItsUnit.Contains((p.Id, p.Unit.Id)) && IsTemplate(p.Id, units) && caller.CanReadPlan(p.Id, p.Unit.Id))
            .Select(p => new PlanSummaryView(p.Id, p.Version, p.Title, p.Unit.Id, p.Unit.Name, p.Unit.Parent, p.Supervisor, Template: true));
        return Results.Ok(runs.Concat(templates).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray());
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, UnitLookup lookup, ApiProblems problems, CancellationToken ct)
    {
        // A version published since the start (here or on another host) is the plan's at once.
        await running.Service.PlanVersionsAsync(id, ct).ConfigureAwait(false);
        if (Readable(id, context, caller, running, units, lookup, problems, out var refusal) is not { } plan)
        {
            return refusal!;
        }

        var culture = ApiLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        var history = await running.Service.Lifecycle.HistoryAsync(plan.Id, ct).ConfigureAwait(false);
        return Results.Ok(PlanView.Of(plan, culture) with { History = history.Select(PlanVersionHistoryView.Of).ToArray() });
    }

    private static async Task<IResult> ChangesAsync(string id, string? from, string? to, HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, UnitLookup lookup, ApiProblems problems, CancellationToken ct)
    {
        var versions = await running.Service.PlanVersionsAsync(id, ct).ConfigureAwait(false);
        if (Readable(id, context, caller, running, units, lookup, problems, out var refusal) is not { } plan)
        {
            return refusal!;
        }

        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is not null && (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1))
            {
                return problems.Write(context, StatusCodes.Status400BadRequest, "bad-plan-version", value, name);
            }
        }

        var known = string.Join(", ", versions.Select(v => v.Version));
        var toVersion = to is null ? plan.Version : int.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        var after = versions.FirstOrDefault(v => v.Version == toVersion);
        if (after is null)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "unknown-plan-version", plan.Id, toVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), known);
        }

        var before = from is null
            ? versions.LastOrDefault(v => v.Version < toVersion)
            : versions.FirstOrDefault(v => v.Version == int.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        if (before is null)
        {
            return from is not null
                ? problems.Write(context, StatusCodes.Status404NotFound, "unknown-plan-version", plan.Id, from, known)
                : versions.Count == 1
                    ? problems.Write(context, StatusCodes.Status404NotFound, "plan-has-one-version", plan.Id, toVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    : problems.Write(context, StatusCodes.Status404NotFound, "no-earlier-plan-version", plan.Id, toVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), known);
        }

        if (before.Version > after.Version)
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "plan-versions-reversed", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Results.Ok(new PlanChangesView(
            new PlanVersionRef(before.Id, before.Version), new PlanVersionRef(after.Id, after.Version), PlanComparison.Compare(before, after)));
    }

    // The plan, if the caller may read it; otherwise the refusal: a template names a body that runs nothing, so the
    // refusal is the body's; otherwise the plan's unit answers as it always has: 403 when it runs, 404 when it does not.
    private static CampaignFlow.Plans.Resolution.ResolvedPlan? Readable(
        string id, HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, UnitLookup lookup, ApiProblems problems, out IResult? refusal)
    {
        refusal = null;
        if (running.Service.FindPlan(id) is not { } plan)
        {
            refusal = problems.Write(context, StatusCodes.Status404NotFound, "unknown-plan", id);
            return null;
        }

        if (!caller.CanReadPlan(plan.Id, plan.Unit.Id))
        {
            refusal = units.Find(plan.Unit.Id) is null && units.BuiltOn(plan.Id).Count > 0
                ? lookup.Forbidden(context, caller, plan.Unit.Id, UnitAccess.Read)
                : lookup.Find(context, caller, plan.Unit.Id, UnitAccess.Read).Problem!;
            return null;
        }

        return plan;
    }

    // A plan other running units' plans inherit, so those units are built on it as well as (or instead of) its own.
    private static bool IsTemplate(string planId, UnitDirectory units) => units.BuiltOn(planId).Any(u => u.PlanId != planId);

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
