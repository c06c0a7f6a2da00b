using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// A file over the size its kind may have, as a <c>file-too-large</c> finding at its start: reported before the file
/// is read whole, since parsing one costs time and memory many times its size.
/// </summary>
public static class FileTooLarge
{
    /// <summary>Reports that <paramref name="path"/> has <paramref name="size"/> bytes, more than <paramref name="limit"/>.</summary>
    /// <param name="diagnostics">Receives the finding.</param>
    /// <param name="path">The file.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="limit">The most its kind of file may have.</param>
    public static void Report(DiagnosticBag diagnostics, string path, long size, long limit)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        diagnostics.Error("file-too-large", new SourceLocation(path, 1, 1), size.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture));
    }
}
