using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Api.Violations;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Records;

/// <summary>The work behind the record routes: checks, then one call to the campaign service.</summary>
/// <param name="lookup">Finds the unit and checks the caller's right to it.</param>
/// <param name="body">Reads the body within its limits.</param>
/// <param name="running">The campaign service.</param>
/// <param name="signal">Wakes the host's loop after a recording.</param>
/// <param name="problems">The error answers.</param>
/// <param name="log">Where each recording is logged.</param>
public sealed partial class RecordWriter(UnitLookup lookup, RequestText body, RunningCampaigns running, TickSignal signal, ApiProblems problems, ILogger<RecordWriter> log)
{
    private readonly ILogger _log = log;

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
        var result = await running.Service.RecordAsync(unit!.Id, text, format, caller.Name, RecordRights.For(route, caller, unit, running.Service.FindPlan(unit.PlanId)), cancellationToken).ConfigureAwait(false);
        if (result.Diagnostics.FirstOrDefault(d => d.Code == "json-syntax") is { } syntax)
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "malformed-json",
                syntax.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                syntax.Location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
                syntax.Arguments.FirstOrDefault() ?? "");
        }

        if (result.Refusal is { } refusal)
        {
            LogRefused(unit.Id, caller.Name, 1);
            return problems.Write(context, refusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity, refusal.Code, [.. refusal.Arguments]);
        }

        if (result.HasErrors)
        {
            LogRefused(unit.Id, caller.Name, result.Diagnostics.Count);
            var errors = result.Diagnostics.Count(d => d.Severity == CampaignFlow.Plans.Diagnostics.DiagnosticSeverity.Error);
            return problems.Write(context, StatusCodes.Status422UnprocessableEntity, "records-invalid", [errors.ToString(System.Globalization.CultureInfo.InvariantCulture)], result.Diagnostics);
        }

        var culture = ApiLanguage.Of(context.Request);
        var view = new RecordingView(
            result.Records.Count(r => r.Outcome == AppendOutcome.Inserted),
            result.Records.Count(r => r.Outcome == AppendOutcome.Duplicate),
            result.Records.Count(r => r.Outcome == AppendOutcome.Conflict),
            result.Records.Select(r => new RecordingView.Outcome(r.Key, r.Outcome.ToString().ToLowerInvariant(), r.Stored.Sequence)).ToArray(),
            result.Opened.Select(v => ViolationView.Of(v, culture)).ToArray(),
            result.Resolved.Select(v => ViolationView.Of(v, culture)).ToArray());
        LogRecorded(unit.Id, caller.Name, view.Inserted, view.Duplicates, view.Conflicts, view.Opened.Count, view.Resolved.Count);
        if (view.Conflicts > 0)
        {
            var conflict = problems.Write(context, StatusCodes.Status409Conflict, "records-conflict", view.Conflicts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return conflict;
        }

        if (view.Inserted > 0)
        {
            signal.Wake();
        }

        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        return view.Inserted > 0 ? Results.Json(view, statusCode: StatusCodes.Status201Created) : Results.Ok(view);
    }

    // Debug: at thousands of units a line per recording drowns the log; the meters count them (campaignflow.recordings).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Recorded for {Unit} by {Caller}: {Inserted} new, {Duplicates} duplicate, {Conflicts} conflicting; {Opened} violation(s) opened, {Resolved} resolved")]
    private partial void LogRecorded(string unit, string caller, int inserted, int duplicates, int conflicts, int opened, int resolved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Records for {Unit} by {Caller} refused with {Findings} finding(s); nothing stored")]
    private partial void LogRefused(string unit, string caller, int findings);
}
