namespace CampaignFlow.Plans.Diagnostics;

/// <summary>A place in a plan file, 1-based, as editors and compilers print it.</summary>
/// <param name="File">The file path as given to the reader.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
