using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>The findings about one field, under it, announced to screen readers; nothing when there are none.</summary>
public partial class FieldErrors
{
    /// <summary>The element's id, which the field names in <c>aria-describedby</c>.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>The findings.</summary>
    [Parameter]
    public IReadOnlyList<string> Messages { get; set; } = [];
}
