using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Violations;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Session;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// <c>GET /console/violations.csv</c>: the violations page's matches streamed as a <see cref="ViolationSheet"/> (the
/// reader's language, names, Beijing time), UTF-8 with a byte-order mark first, so Excel opens the Chinese as Chinese
/// (without it Excel guesses the system's code page); <c>GET /console/violations.xlsx</c>: the same rows as a workbook.
/// Same filters and the same scope as the page and <c>GET /violations</c>.
/// </summary>
public static class ViolationExportEndpoint
{
    /// <summary>Where the page links the CSV.</summary>
    public const string Path = "/console/violations.csv";

    /// <summary>Where the page links the workbook.</summary>
    public const string XlsxPath = "/console/violations.xlsx";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ([AsParameters] ViolationQueryParameters parameters, HttpContext context, ConsoleRequest request, ViolationScope scope, UnitDirectory units, RunningCampaigns running, CancellationToken ct) =>
            Export(parameters, context, request, scope, units, running, "violations.csv", "text/csv; charset=utf-8", (body, sheet, rows) => ViolationSheetCsv.WriteAsync(body, sheet, rows, ct), ct)).RequireAuthorization(ConsoleCookie.Policy).ExcludeFromDescription();
        app.MapGet(XlsxPath, ([AsParameters] ViolationQueryParameters parameters, HttpContext context, ConsoleRequest request, ViolationScope scope, UnitDirectory units, RunningCampaigns running, CancellationToken ct) =>
            Export(parameters, context, request, scope, units, running, "violations.xlsx", XlsxType, (body, sheet, rows) => ViolationXlsxExport.WriteAsync(body, sheet, rows, ct), ct))
            .RequireAuthorization(ConsoleCookie.Policy).ExcludeFromDescription();
    }

    private static IResult Export(
        ViolationQueryParameters parameters, HttpContext context, ConsoleRequest request, ViolationScope scope, UnitDirectory directory, RunningCampaigns running,
        string fileName, string contentType, Func<Stream, ViolationSheet, IAsyncEnumerable<StoredViolation>, Task> write, CancellationToken cancellationToken)
    {
        var culture = request.Culture;
        if (parameters.ToFilter(out var bad) is not { } filter)
        {
            return Results.Text(ApiProblems.Text("bad-query", culture, bad!.Value.Value, bad.Value.Parameter, bad.Value.Expected.Text(culture)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var caller = request.Caller!;
        var units = scope.Resolve(caller, filter);
        if (units.Unknown is { } unknown)
        {
            return Results.Text(ApiProblems.Text(unknown.Code, culture, unknown.Id), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        if (units.Forbidden is { } foreign)
        {
            return Results.Text(
                ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-read", culture), foreign), "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var rows = units.Units is { Count: 0 } ? AsyncEnumerable.Empty<StoredViolation>() : running.Service.StreamViolationsAsync(filter.ToQuery(units.Units), cancellationToken);
        var sheet = new ViolationSheet(request, directory, running.Service);
        return Results.Stream(body => write(body, sheet, rows), contentType);
    }
}
