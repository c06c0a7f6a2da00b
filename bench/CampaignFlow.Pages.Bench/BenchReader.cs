namespace CampaignFlow.Pages.Bench;

/// <summary>A reader of the console the bench signs in as: a token configured on the host with its grant.</summary>
/// <param name="Name">The token's name (and the bench's word for the reader).</param>
/// <param name="Role">admin, auditor, reviewer or recorder.</param>
/// <param name="Body">An auditor's body.</param>
/// <param name="Group">A reviewer's supervision group.</param>
/// <param name="Unit">A recorder's unit.</param>
internal sealed record BenchReader(string Name, string Role, string? Body = null, string? Group = null, string? Unit = null)
{
    /// <summary>The token's text (the bench makes it; only its hash is configured on the host).</summary>
    public string Token => "pages-bench-" + Name;
}
