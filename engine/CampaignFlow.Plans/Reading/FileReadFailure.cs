using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// A file that could not be read, as a <c>file-unreadable</c> finding whose reason is catalogued when it is a common
/// one (missing, a folder, denied): .NET's own sentence is English, and it is kept only for rarer failures.
/// </summary>
public static class FileReadFailure
{
    /// <summary>Reports that <paramref name="path"/> could not be read because of <paramref name="failure"/>.</summary>
    /// <param name="diagnostics">Receives the finding.</param>
    /// <param name="path">The file.</param>
    /// <param name="failure">What reading it threw (an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>).</param>
    public static void Report(DiagnosticBag diagnostics, string path, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(failure);
        var reason = failure switch
        {
            // Asking a folder for its length says it is not found, reading it says access is denied.
            _ when Directory.Exists(path) => "file-reason-folder",
            FileNotFoundException or DirectoryNotFoundException => "file-reason-missing",
            UnauthorizedAccessException => "file-reason-denied",
            _ => null,
        };
        diagnostics.Error("file-unreadable", new SourceLocation(path, 1, 1), reason is null ? [failure.Message] : [failure.Message, reason]);
    }
}
