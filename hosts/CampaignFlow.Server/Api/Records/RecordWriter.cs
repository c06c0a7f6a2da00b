using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Records;

/// <summary>The work behind the record routes: checks, then one call to the campaign service.</summary>
/// <param name="lookup">Finds the unit and checks the caller's right to it.</param>
/// <param name="body">Reads the body within its limits.</param>
/// <param name="recorder">Records the text under the caller's rights (the console's forms record through it too).</param>
/// <param name="problems">The error answers.</param>
public sealed class RecordWriter(UnitLookup lookup, RequestText body, UnitRecorder recorder, ApiProblems problems)
{
    /// <summary>Handles one write request.</summary>
    /// <param name="context">The request.</param>
    /// <param name="unitId">The unit in the route.</param>
    /// <param name="route">Which route.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public async Task<IResult> WriteAsync(HttpContext context, string unitId, RecordRoute route, CancellationToken cancellationToken)
    {
        if (await Caller.BindAsync(context).ConfigureAwait(false) is not { } caller)
        {
            return problems.Write(context, StatusCodes.Status401Unauthorized, "token-missing");
        }

        var access = route switch
        {
            RecordRoute.Documents => UnitAccess.Record,
            RecordRoute.Reviews => UnitAccess.Review,
            _ => UnitAccess.RecordOrReview,
        };
        var (unit, refused) = lookup.Find(context, caller, unitId, access);
        if (refused is not null)
        {
            return refused;
        }

        BodyKind[] accepted = route == RecordRoute.Any ? [BodyKind.Json, BodyKind.Csv] : [BodyKind.Json];
        var (text, kind, problem) = await body.ReadAsync(context, accepted, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (kind == BodyKind.Json && !JsonRecordsShape.IsRecords(text))
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "json-not-records");
        }

        var format = kind == BodyKind.Csv ? RecordFormat.Csv : RecordFormat.Json;
        var result = await recorder.RecordAsync(caller, unit!, text, format, route, cancellationToken).ConfigureAwait(false);
        var warnings = await recorder.WarningsAsync(unit!, result, ApiLanguage.Of(context.Request), cancellationToken).ConfigureAwait(false);
        return RecordingAnswer.Of(context, result, problems, warnings);
    }
}
