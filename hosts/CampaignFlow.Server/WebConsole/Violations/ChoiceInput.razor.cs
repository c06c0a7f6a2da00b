using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>A filter's text input that suggests the values it takes by their names, when there are not too many.</summary>
public partial class ChoiceInput
{
    /// <summary>The input's element id.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>The query parameter it fills.</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    /// <summary>Its label.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    /// <summary>The value now.</summary>
    [Parameter]
    public string? Value { get; set; }

    /// <summary>An example of a value.</summary>
    [Parameter]
    public string? Placeholder { get; set; }

    /// <summary>The values to suggest, with their names; none, no suggestions.</summary>
    [Parameter]
    public IReadOnlyList<FilterChoice> Choices { get; set; } = [];
}
