using CampaignFlow.Server.Api.Problems;
using Microsoft.Net.Http.Headers;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// Chooses what <c>GET /violations</c> answers in: <c>?format=</c> when written (json or csv, whatever the Accept
/// header says), otherwise the Accept header. A named CSV wins unless JSON is wanted more (<c>text/csv</c>,
/// <c>text/csv, */*</c>); JSON when it is acceptable at all (no header, <c>*/*</c>, a browser's list); CSV when only a
/// wildcard takes it (<c>text/*</c>). A format or an Accept that takes neither is refused rather than answered in
/// JSON regardless, so a client asking for XML learns it at once instead of failing to parse.
/// </summary>
public static class ViolationFormatChoice
{
    /// <summary>The values <c>?format=</c> takes, as the 400 names them.</summary>
    public const string Names = "json | csv";

    /// <summary>The media types it answers in, as the 406 names them.</summary>
    public static readonly string[] MediaTypes = ["application/json", "text/csv"];

    /// <summary>The format to answer in, or null with the problem to answer with.</summary>
    /// <param name="context">The request.</param>
    /// <param name="format">The <c>format</c> parameter as written.</param>
    /// <param name="problems">The error answers.</param>
    public static (ViolationFormat? Format, IResult? Problem) Choose(HttpContext context, string? format, ApiProblems problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        if (!string.IsNullOrWhiteSpace(format))
        {
            return format.Trim().ToLowerInvariant() switch
            {
                "json" => (ViolationFormat.Json, null),
                "csv" => (ViolationFormat.Csv, null),
                _ => (null, problems.BadQuery(context, (format, "format", new QueryExpectation("expect-one-of", Names)))),
            };
        }

        var accept = context.Request.Headers.Accept;
        // No header, or one that does not parse, is taken as anything: the default JSON, as before.
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return (ViolationFormat.Json, null);
        }

        var json = Acceptance(ranges, "application", "json");
        var csv = Acceptance(ranges, "text", "csv");
        if (csv is { Quality: > 0, Named: true } && csv.Quality >= json.Quality)
        {
            return (ViolationFormat.Csv, null);
        }

        if (json.Quality > 0)
        {
            return (ViolationFormat.Json, null);
        }

        if (csv.Quality > 0)
        {
            return (ViolationFormat.Csv, null);
        }

        return (null, problems.Write(context, StatusCodes.Status406NotAcceptable, "not-acceptable", MediaTypes[0], MediaTypes[1], accept.ToString()));
    }

    // The quality the most specific range matching type/subtype gives it (RFC 9110 §12.5.1), and whether a range names it.
    private static (double Quality, bool Named) Acceptance(IList<MediaTypeHeaderValue> ranges, string type, string subtype)
    {
        var best = (Specificity: -1, Quality: 0.0);
        foreach (var range in ranges)
        {
            var specificity = range.MediaType.Equals($"{type}/{subtype}", StringComparison.OrdinalIgnoreCase) ? 2
                : range.MediaType.Equals($"{type}/*", StringComparison.OrdinalIgnoreCase) ? 1
                : range.MediaType.Equals("*/*", StringComparison.Ordinal) ? 0
                : -1;
            if (specificity > best.Specificity)
            {
                best = (specificity, range.Quality ?? 1);
            }
        }

        return (best.Quality, best.Specificity == 2);
    }
}
