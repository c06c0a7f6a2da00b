namespace CampaignFlow.Cli.Violations;

/// <summary>
/// The definitions folder cannot say which units a <c>--unit</c> or <c>--body</c> filter means: the folder is missing,
/// its plans have errors, or the unit or body is not in it. An empty list would then be a wrong answer, not no answer.
/// </summary>
/// <param name="code">The message's code in the CLI catalogue.</param>
/// <param name="values">The values the message names.</param>
internal sealed class DefinitionsException(string code, params string[] values) : Exception(code)
{
    /// <summary>The message's code in the CLI catalogue.</summary>
    public string Code { get; } = code;

    /// <summary>The values the message names.</summary>
    public IReadOnlyList<string> Values { get; } = values;
}
