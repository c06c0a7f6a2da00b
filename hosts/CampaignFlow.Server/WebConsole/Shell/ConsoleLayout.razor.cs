namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>
/// Every page's frame: a skip link, the header (home, violations, the language switch, who is signed in, sign-out),
/// the page, and a footer saying dates are Beijing time. The header's forms are plain posts with antiforgery tokens.
/// </summary>
public partial class ConsoleLayout
{
    // The page to come back to after switching the language: this one, with its filters.
    private string Here => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
}
