using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.OpenApi;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Migrations;

/// <summary>
/// <c>POST /plans/{id}/migrations</c> (move running units to another published version of their plan, or with
/// <c>dryRun</c> see what that would change; administrators only) and <c>GET /units/{id}/migrations</c> (a unit's
/// migrations: who moved it from which version to which, when). docs/adr/0015.
/// </summary>
public static class MigrationEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/plans/{id}/migrations", MigrateAsync)
            .RequireAuthorization()
            .WithTags("Plans")
            .WithName("MigratePlanUnits")
            .WithSummary("Move running units of a plan to another published version, or see what that would change (dryRun)")
            .WithDescription("Per unit: the plans' differences, the violations its stored records would open or resolve, gates to pass again, "
                + "progress lost. A move that would lose progress (a passed gate removed, a closed window moved) is refused (409) unless "
                + "acceptLostProgress is true. Applied, it does what the dry run said. Administrators only.")
            .WithMetadata(new RequestBodyDocumentation(typeof(MigrationInput), "application/json"))
            .Produces<PlanMigration>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/units/{id}/migrations", HistoryAsync)
            .RequireAuthorization()
            .WithTags("Units")
            .WithName("GetUnitMigrations")
            .WithSummary("A unit's migrations between versions of its plan: from, to, by whom, when")
            .Produces<IReadOnlyList<MigrationStep>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> MigrateAsync(
        string id, HttpContext context, Caller caller, RunningCampaigns running, RequestText body, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (caller.Grant.Role != AccessRole.Admin)
        {
            return problems.Write(context, StatusCodes.Status403Forbidden, "forbidden-role", caller.Name);
        }

        var (text, _, problem) = await body.ReadAsync(context, [BodyKind.Json], cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!JsonRequestReader.TryRead<MigrationInput>(text, Json, out var input, out var error))
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, error!.Malformed ? "malformed-json" : "bad-migration-request",
                error.LineText, error.ColumnText, error.Detail);
        }

        if (input is null || input.ToVersion < 1)
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "bad-plan-version",
                (input?.ToVersion ?? 0).ToString(CultureInfo.InvariantCulture), "toVersion");
        }

        var request = new MigrationRequest(id, input.ToVersion, caller.Name)
        {
            Units = input.Units ?? [],
            DryRun = input.DryRun,
            AcceptLostProgress = input.AcceptLostProgress,
        };
        try
        {
            var migration = await running.Service.MigrateAsync(request, cancellationToken).ConfigureAwait(false);
            return migration is null
                ? problems.Write(context, StatusCodes.Status404NotFound, "unknown-plan", id)
                : Results.Ok(migration);
        }
        catch (MigrationRefusedException refused)
        {
            return Refusal(context, problems, refused, id, input.ToVersion, running);
        }
    }

    private static IResult Refusal(HttpContext context, ApiProblems problems, MigrationRefusedException refused, string planId, int version, RunningCampaigns running)
    {
        var to = version.ToString(CultureInfo.InvariantCulture);
        return refused.Code switch
        {
            "unknown-version" => problems.Write(context, StatusCodes.Status404NotFound, "unknown-plan-version",
                planId, to, string.Join(", ", running.Service.PlanVersions(planId).Select(v => v.Version))),
            "lost-progress" => problems.Write(context, StatusCodes.Status409Conflict, "migration-lost-progress", culture => [to, Lost(refused.Forecast!, culture)], null),
            "version-run-before" => problems.Write(context, StatusCodes.Status409Conflict, "migration-version-run-before", [.. refused.Arguments]),
            _ => problems.Write(context, StatusCodes.Status400BadRequest, "migration-" + refused.Code, [.. refused.Arguments]),
        };
    }

    // What each unit would lose, named by unit, in the reader's language.
    private static string Lost(PlanMigration forecast, CultureInfo culture)
    {
        var chinese = MessageTemplates.IsChinese(culture);
        return string.Join(chinese ? "；" : "; ", forecast.Units.SelectMany(u => u.LostProgress.Select(l => $"{u.UnitId}{(chinese ? "：" : ": ")}{l.Message(culture)}")));
    }

    private static async Task<IResult> HistoryAsync(string id, HttpContext context, Caller caller, UnitLookup lookup, RunningCampaigns running, CancellationToken cancellationToken)
    {
        var (unit, problem) = lookup.Find(context, caller, id, UnitAccess.Read);
        if (unit is null)
        {
            return problem!;
        }

        return Results.Ok(await running.Service.GetMigrationsAsync(unit.Id, cancellationToken).ConfigureAwait(false) ?? []);
    }
}
