using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// The work behind <c>POST /records</c>: a CSV of many units' records, a <c>unit</c> column saying whose each row is,
/// stored all or nothing with each record under the caller's rights to its unit — an administrator's import, or a
/// supervision group's reviews of its units in one file.
/// </summary>
/// <param name="body">Reads the body within its limits.</param>
/// <param name="recorder">Records the text under the caller's rights.</param>
/// <param name="problems">The error answers.</param>
public sealed class AcrossUnitsRecordWriter(RequestText body, UnitRecorder recorder, ApiProblems problems)
{
    /// <summary>Handles one request.</summary>
    /// <param name="context">The request.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public async Task<IResult> WriteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (await Caller.BindAsync(context).ConfigureAwait(false) is not { } caller)
        {
            return problems.Write(context, StatusCodes.Status401Unauthorized, "token-missing");
        }

        var (text, _, problem) = await body.ReadAsync(context, [BodyKind.Csv], cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await recorder.RecordAcrossUnitsAsync(caller, text, cancellationToken).ConfigureAwait(false);
        return RecordingAnswer.Of(context, result, problems);
    }
}
