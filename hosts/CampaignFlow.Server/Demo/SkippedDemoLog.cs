using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Server.Demo;

/// <summary>
/// A demo log the demo does not replay, and why: a finding at file:line:column in the catalogue's words (a file not
/// saved as UTF-8), or what the YAML reader said of it.
/// </summary>
/// <param name="File">The log file.</param>
/// <param name="Finding">The finding, when the file is refused before it is parsed.</param>
/// <param name="Error">What the reader said, when the file could not be parsed.</param>
public sealed record SkippedDemoLog(string File, PlanDiagnostic? Finding, string? Error)
{
    /// <summary>Why the log is skipped, in <paramref name="culture"/> where the catalogue says it.</summary>
    /// <param name="culture">The language.</param>
    public string Reason(CultureInfo culture) => Finding?.ToString(culture) ?? $"{File}: {Error}";
}
