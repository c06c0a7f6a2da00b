namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>One attribute a recording form asks for (<c>with:</c> in the record format).</summary>
/// <param name="Name">The attribute's name as the plan writes it (includesCriticism, channel, satisfied…): the field's name.</param>
/// <param name="Label">What the reader sees: the catalogue's word for it (渠道), or the name when there is none.</param>
/// <param name="Choices">The values the plan's requirements look for, each with its title (<c>valueTitles:</c>), offered as a list; empty for free text.</param>
/// <param name="IsFlag">True when the plan's requirements look for true or false: a checkbox.</param>
public sealed record AttributeField(string Name, string Label, IReadOnlyList<(string Value, string Title)> Choices, bool IsFlag)
{
    /// <summary>
    /// True for a count of votes a re-work share is read from (满意票, 基本满意票, 不满意票): a whole number from 0, so
    /// a number field; the service still refuses anything else (votes-not-a-count).
    /// </summary>
    public bool IsCount { get; init; }
}
