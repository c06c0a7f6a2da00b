namespace CampaignFlow.Server.WebConsole.Session;

/// <summary>What the sign-in form posts.</summary>
public sealed class SignInForm
{
    /// <summary>The token, as the API takes it after <c>Bearer </c>.</summary>
    public string? Token { get; set; }
}
