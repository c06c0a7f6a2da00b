namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>One attribute a recording form asks for (<c>with:</c> in the record format).</summary>
/// <param name="Name">The attribute's name as the plan writes it (includesCriticism, channel, satisfied…).</param>
/// <param name="Choices">The values the plan's requirements look for, offered as a list; empty for free text.</param>
/// <param name="IsFlag">True when the plan's requirements look for true or false: a checkbox.</param>
public sealed record AttributeField(string Name, IReadOnlyList<string> Choices, bool IsFlag);
