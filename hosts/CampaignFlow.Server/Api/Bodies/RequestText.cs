using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CampaignFlow.Server.Api.Bodies;

/// <summary>
/// Reads a request body as text, within the limits of <see cref="ServerOptions"/> (<c>MaxJsonBytes</c> for JSON
/// and YAML, <c>MaxCsvBytes</c> for CSV) and only in the content types an endpoint accepts. Whatever is wrong
/// comes back as the problem to answer with, before anything reaches the campaign service.
/// </summary>
/// <param name="options">The limits.</param>
/// <param name="problems">The error answers.</param>
public sealed class RequestText(IOptions<ServerOptions> options, ApiProblems problems)
{
    /// <summary>Reads the body.</summary>
    /// <param name="context">The request.</param>
    /// <param name="accepted">The kinds this endpoint takes.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The text and its kind, or the problem to answer with.</returns>
    public async Task<(string Text, BodyKind Kind, IResult? Problem)> ReadAsync(HttpContext context, IReadOnlyList<BodyKind> accepted, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var kind = KindOf(request.ContentType, accepted);
        if (kind is null)
        {
            return ("", default, problems.Write(context, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", request.ContentType ?? "(none)", Describe(accepted)));
        }

        var limit = kind == BodyKind.Csv ? options.Value.MaxCsvBytes : options.Value.MaxJsonBytes;
        if (request.ContentLength > limit)
        {
            return ("", kind.Value, TooLarge(context, limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return ("", kind.Value, TooLarge(context, limit));
            }

            buffer.Write(chunk, 0, read);
        }

        // Bytes of another encoding (a CSV Excel saved in GBK) are refused at the first of them, as a file is by
        // validate: read leniently, every name in them would be stored as U+FFFD.
        var encoding = new DiagnosticBag();
        if (Utf8File.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), SourceName(kind.Value), encoding) is not { } text)
        {
            var finding = encoding.Items[0];
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            return ("", kind.Value, problems.Write(context, StatusCodes.Status400BadRequest, "body-not-utf8",
                [finding.Location.Line.ToString(invariant), finding.Location.Column.ToString(invariant), finding.Arguments[0]], encoding.Items));
        }

        return string.IsNullOrWhiteSpace(text)
            ? ("", kind.Value, problems.Write(context, StatusCodes.Status400BadRequest, "body-empty", Describe(accepted)))
            : (text, kind.Value, null);
    }

    private IResult TooLarge(HttpContext context, int limit)
    {
        // The rest of an oversize body is not read; the connection closes after the answer instead of draining it.
        context.Response.Headers.Connection = "close";
        return problems.Write(context, StatusCodes.Status413PayloadTooLarge, "body-too-large", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // The name findings about the body are reported against, as the records' own findings are (request.csv:3:12).
    private static string SourceName(BodyKind kind) => kind switch
    {
        BodyKind.Json => "request.json",
        BodyKind.Csv => "request.csv",
        _ => "request.yaml",
    };

    private static BodyKind? KindOf(string? contentType, IReadOnlyList<BodyKind> accepted)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = media.MediaType.Value?.ToLowerInvariant() ?? "";
        BodyKind? kind = type switch
        {
            "application/json" => BodyKind.Json,
            _ when type.EndsWith("+json", StringComparison.Ordinal) => BodyKind.Json,
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => BodyKind.Yaml,
            "text/csv" => BodyKind.Csv,
            "text/plain" => BodyKind.Text,
            _ => null,
        };
        if (kind is { } found && accepted.Contains(found))
        {
            return found;
        }

        // An endpoint that takes any text (a plan) takes YAML and plain text alike.
        return accepted.Contains(BodyKind.Text) && kind is BodyKind.Yaml or BodyKind.Text ? BodyKind.Text : null;
    }

    private static string Describe(IReadOnlyList<BodyKind> accepted) => string.Join(" | ", accepted.Select(k => k switch
    {
        BodyKind.Json => "application/json",
        BodyKind.Yaml => "application/yaml",
        BodyKind.Csv => "text/csv",
        _ => "text/plain (UTF-8)",
    }));
}
