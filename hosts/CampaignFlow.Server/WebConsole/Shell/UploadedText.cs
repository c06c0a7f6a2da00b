using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>
/// A file a console form uploads, read as UTF-8 text the way the plan loader reads files: one over the page's limit,
/// or one an editor or Excel saved in GBK, is refused with what to do, said at its first foreign byte.
/// </summary>
public static class UploadedText
{
    /// <summary>The file's text, or a null text with the refusal saying why it was refused.</summary>
    /// <param name="file">The uploaded file.</param>
    /// <param name="limit">The most bytes the page takes.</param>
    /// <param name="request">The reader's words and the request being answered.</param>
    /// <returns>The text and, when it is null, the refusal.</returns>
    public static async Task<(string? Text, string? Refusal)> ReadAsync(IFormFile file, long limit, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        if (file.Length > limit)
        {
            return (null, ApiProblems.Text("body-too-large", request.Culture, limit.ToString(CultureInfo.InvariantCulture)));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, request.Http.RequestAborted).ConfigureAwait(false);
        var encoding = new DiagnosticBag();
        if (Utf8File.Decode(buffer.GetBuffer().AsMemory(0, (int)buffer.Length).Span, file.FileName, encoding) is { } text)
        {
            return (text, null);
        }

        var at = encoding.Items[0];
        return (null, request.T("upload-not-utf8", at.Location.Line.ToString(CultureInfo.InvariantCulture), at.Location.Column.ToString(CultureInfo.InvariantCulture), at.Arguments[0]));
    }
}
