using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Diagnostics;

/// <summary>Collects every finding of a read or a check, so a file's errors are reported all at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<PlanDiagnostic> _items = [];

    /// <summary>The findings so far, in the order they were found.</summary>
    public IReadOnlyList<PlanDiagnostic> Items => _items;

    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Adds an error.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="at">Where.</param>
    /// <param name="arguments">The values the message names.</param>
    public void Error(string code, SourceLocation at, params string[] arguments) =>
        _items.Add(new PlanDiagnostic(code, DiagnosticSeverity.Error, at, arguments));

    /// <summary>Adds an error with a suggestion of what would be right.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="at">Where.</param>
    /// <param name="suggestion">The suggested value, or null.</param>
    /// <param name="arguments">The values the message names.</param>
    public void ErrorWithSuggestion(string code, SourceLocation at, string? suggestion, params string[] arguments) =>
        _items.Add(new PlanDiagnostic(code, DiagnosticSeverity.Error, at, arguments, suggestion));

    /// <summary>Adds a warning.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="at">Where.</param>
    /// <param name="arguments">The values the message names.</param>
    public void Warning(string code, SourceLocation at, params string[] arguments) =>
        _items.Add(new PlanDiagnostic(code, DiagnosticSeverity.Warning, at, arguments));

    /// <summary>Adds an error from the text layer (an unreadable period, an impossible date).</summary>
    /// <param name="error">What the text layer found.</param>
    /// <param name="at">Where.</param>
    public void Error(TextError error, SourceLocation at) => Error(error.Code, at, error.Arguments);

    /// <summary>Adds every finding of <paramref name="other"/>.</summary>
    /// <param name="other">Findings to take over.</param>
    public void AddRange(IEnumerable<PlanDiagnostic> other) => _items.AddRange(other);
}
