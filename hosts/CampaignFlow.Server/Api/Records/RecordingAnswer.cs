using System.Globalization;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// The answer to a recording, whichever route took it: 400 for malformed JSON, 403 or 422 for a refused record, 422
/// with every finding at line:column, 409 for a key stored with other content (in each case nothing was stored),
/// else 201 when something was stored and 200 when every record was a duplicate, with what it opened and resolved.
/// </summary>
public static class RecordingAnswer
{
    /// <summary>The answer to <paramref name="result"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="result">What the campaign service did.</param>
    /// <param name="problems">The error answers.</param>
    /// <param name="warnings">What the stored records say that the plan's order did not expect.</param>
    public static IResult Of(HttpContext context, RecordingResult result, ApiProblems problems, IReadOnlyList<RecordingWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(problems);
        if (result.Diagnostics.FirstOrDefault(d => d.Code == "json-syntax") is { } syntax)
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "malformed-json",
                syntax.Location.Line.ToString(CultureInfo.InvariantCulture),
                syntax.Location.Column.ToString(CultureInfo.InvariantCulture),
                syntax.Arguments.FirstOrDefault() ?? "");
        }

        if (result.Refusal is { } refusal)
        {
            return problems.Write(context, refusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity, refusal.Code, [.. refusal.Arguments]);
        }

        if (result.HasErrors)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            return problems.Write(context, StatusCodes.Status422UnprocessableEntity, "records-invalid", [errors.ToString(CultureInfo.InvariantCulture)], result.Diagnostics);
        }

        var culture = ApiLanguage.Of(context.Request);
        var view = new RecordingView(
            result.Records.Count(r => r.Outcome == AppendOutcome.Inserted),
            result.Records.Count(r => r.Outcome == AppendOutcome.Duplicate),
            result.Records.Count(r => r.Outcome == AppendOutcome.Conflict),
            result.Records.Select(r => new RecordingView.Outcome(r.Key, r.Outcome.ToString().ToLowerInvariant(), r.Stored.Sequence, r.Stored.Unit)).ToArray(),
            result.Opened.Select(v => ViolationView.Of(v, culture)).ToArray(),
            result.Resolved.Select(v => ViolationView.Of(v, culture)).ToArray())
        {
            Warnings = warnings ?? [],
        };
        if (view.Conflicts > 0)
        {
            return problems.Write(context, StatusCodes.Status409Conflict, "records-conflict", view.Conflicts.ToString(CultureInfo.InvariantCulture));
        }

        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        return view.Inserted > 0 ? Results.Json(view, statusCode: StatusCodes.Status201Created) : Results.Ok(view);
    }
}
