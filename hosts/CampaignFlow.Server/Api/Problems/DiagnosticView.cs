using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Server.Api.Problems;

/// <summary>A finding about what the caller sent, as the API shows it: where (line:column), what, in both languages.</summary>
/// <param name="Line">The line in the text sent (1-based).</param>
/// <param name="Column">The column (1-based).</param>
/// <param name="Location">file:line:column, as the CLI prints it.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">The stable code of the finding.</param>
/// <param name="Message">In the caller's language.</param>
/// <param name="MessageZh">In Chinese.</param>
/// <param name="MessageEn">In English.</param>
public sealed record DiagnosticView(int Line, int Column, string Location, string Severity, string Code, string Message, string MessageZh, string MessageEn)
{
    /// <summary>The view of <paramref name="diagnostic"/>.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="culture">The caller's language.</param>
    public static DiagnosticView Of(PlanDiagnostic diagnostic, CultureInfo culture) => new(
        diagnostic.Location.Line,
        diagnostic.Location.Column,
        diagnostic.Location.ToString(),
        diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
        diagnostic.Code,
        diagnostic.Message(culture),
        diagnostic.Message(ApiLanguage.Chinese),
        diagnostic.Message(ApiLanguage.English));
}
