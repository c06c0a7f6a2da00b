using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>
/// What a page shows instead of itself when it cannot answer: a 4xx page (not found, not yours, a bad filter) with the
/// sentence the API would answer in the reader's language. The page sets the status code; this renders the words.
/// </summary>
public partial class Refusal
{
    /// <summary>The HTTP status (400, 403, 404).</summary>
    [Parameter]
    public int Status { get; set; }

    /// <summary>What went wrong, in the reader's language.</summary>
    [Parameter]
    public string Message { get; set; } = "";

    /// <inheritdoc/>
    protected override void OnParametersSet() => Request.Answer(Status);
}
