namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>The router over the console's pages (every <c>@page</c> of this assembly), in <see cref="ConsoleLayout"/>.</summary>
public partial class Routes;
