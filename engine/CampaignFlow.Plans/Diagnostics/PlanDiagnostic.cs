using System.Globalization;

namespace CampaignFlow.Plans.Diagnostics;

/// <summary>
/// One finding about a plan: where, how serious, and a message code with its arguments. The words come from
/// <see cref="MessageCatalog"/> in English or Chinese, so one finding can be shown to any reader.
/// </summary>
/// <param name="Code">Stable message code, e.g. <c>unknown-key</c>; tests and tools match on it.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where in which file.</param>
/// <param name="Arguments">The values the message names, in template order.</param>
/// <param name="Suggestion">What would probably be right, when known (a key, an id).</param>
public sealed record PlanDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    SourceLocation Location,
    IReadOnlyList<string> Arguments,
    string? Suggestion = null)
{
    /// <summary>The message in <paramref name="culture"/> (Chinese for any <c>zh</c> culture, else English).</summary>
    /// <param name="culture">The reader's culture; the current UI culture when null.</param>
    public string Message(CultureInfo? culture = null) => MessageCatalog.Format(this, culture ?? CultureInfo.CurrentUICulture);

    /// <summary><c>file:line:column: error code: message</c>, in <paramref name="culture"/>.</summary>
    /// <param name="culture">The reader's culture; the current UI culture when null.</param>
    public string ToString(CultureInfo? culture) =>
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message(culture)}";

    /// <inheritdoc />
    public override string ToString() => ToString(CultureInfo.InvariantCulture);
}
