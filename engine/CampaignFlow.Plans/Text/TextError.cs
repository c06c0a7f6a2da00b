namespace CampaignFlow.Plans.Text;

/// <summary>
/// Why a piece of plan text could not be read: a message code and its arguments, rendered in English or Chinese
/// by the diagnostics catalogue.
/// </summary>
/// <param name="Code">The message code, e.g. <c>impossible-date</c>.</param>
/// <param name="Arguments">The values the message names.</param>
public sealed record TextError(string Code, params string[] Arguments)
{
    /// <summary>No error.</summary>
    public static TextError None { get; } = new("");
}
