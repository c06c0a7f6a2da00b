using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// <c>GET /violations</c> (filters, paging, CSV export) and <c>GET /violations/{id}</c> (one violation with its
/// evidence and history). Callers see only the units they may read.
/// </summary>
public static class ViolationEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/violations").WithTags("Violations").RequireAuthorization();
        group.MapGet("/", ListAsync)
            .WithName("ListViolations")
            .WithSummary("Violations across the units the caller may read")
            .WithDescription("Filters: unit, body (every unit whose parent chain includes it), plan, requirement, phase, period, severity, status (open|resolved), from/to (yyyy-MM-dd). A unit, body or plan that does not exist is a 404 problem naming it (code unknown-unit, unknown-body, unknown-plan); one that exists but matches nothing is an empty page. Paging: offset, limit (≤ 1000), with total. 'Accept: text/csv' or '?format=csv' exports the matches as CSV, paged as the JSON is: offset skips as many, a written limit takes as many, and without limit the export runs to the last match. format takes json or csv only (400 otherwise) and wins over Accept; an Accept that takes neither application/json nor text/csv is 406.")
            .Produces<ViolationListView>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        // Ids hold slashes (panyu-ftu/panyu-ftu-2014@1/weekly-study:period-minimum/2014-W10): the rest of the path
        // is the id, written with its slashes or with them escaped as %2F.
        group.MapGet("/{**id}", GetAsync)
            .WithName("GetViolation")
            .WithSummary("One violation with its evidence and history")
            .Produces<ViolationDetailView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        [AsParameters] ViolationQueryParameters parameters, HttpContext context, Caller caller, RunningCampaigns running, ViolationScope violationScope, UnitLookup lookup, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (parameters.ToFilter(out var bad) is not { } filter)
        {
            return problems.BadQuery(context, bad!.Value);
        }

        var (format, refusal) = ViolationFormatChoice.Choose(context, parameters.Format, problems);
        if (refusal is not null)
        {
            return refusal;
        }

        var resolved = violationScope.Resolve(caller, filter);
        if (resolved.Unknown is { } unknown)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, unknown.Code, unknown.Id);
        }

        if (resolved.Forbidden is { } foreign)
        {
            return lookup.Forbidden(context, caller, foreign, UnitAccess.Read);
        }

        var scope = resolved.Units;
        var culture = ApiLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        var service = running.Service;
        if (format == ViolationFormat.Csv)
        {
            // Streamed as the store reads the rows (one reader, one snapshot), never the whole file in memory; the
            // status and headers go out with the first bytes, so nothing after this point can become a 4xx.
            context.Response.Headers.ContentDisposition = "attachment; filename=\"violations.csv\"";
            var rows = scope is { Count: 0 } ? AsyncEnumerable.Empty<StoredViolation>() : service.StreamViolationsAsync(filter.ToQuery(scope), cancellationToken);
            // Paged as the JSON is, so a page reads the same in both formats; without a written limit, an export runs
            // to the last match. Skipped rows cost what the JSON's OFFSET costs the store: they are read and passed by.
            rows = rows.Skip(filter.Offset);
            if (!string.IsNullOrWhiteSpace(parameters.Limit))
            {
                rows = rows.Take(filter.Limit);
            }
            return Results.Stream(body => ViolationCsvExport.WriteAsync(body, rows, culture, cancellationToken), "text/csv; charset=utf-8");
        }

        var result = scope is { Count: 0 }
            ? new ViolationPage([], 0)
            : await service.QueryViolationsAsync(filter.ToQuery(scope), cancellationToken).ConfigureAwait(false);
        return Results.Ok(new ViolationListView(result.Total, filter.Offset, filter.Limit, result.Items.Select(v => ViolationView.Of(v, culture)).ToArray()));
    }

    private static async Task<IResult> GetAsync(
        string id, HttpContext context, Caller caller, RunningCampaigns running, UnitDirectory units, UnitLookup lookup, ApiProblems problems, CancellationToken cancellationToken)
    {
        id = Uri.UnescapeDataString(id);
        var service = running.Service;
        if (await service.GetViolationAsync(id, cancellationToken).ConfigureAwait(false) is not { } violation)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "unknown-violation", id);
        }

        var readable = units.Find(violation.Unit) is { } unit ? caller.CanRead(unit) : caller.ReadsAll;
        if (!readable)
        {
            return lookup.Forbidden(context, caller, violation.Unit, UnitAccess.Read);
        }

        var culture = ApiLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        var history = await service.GetViolationHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new ViolationDetailView(ViolationView.Of(violation, culture), history.Select(ViolationEventView.Of).ToArray()));
    }
}
