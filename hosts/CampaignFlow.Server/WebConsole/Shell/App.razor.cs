namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>The console's document: <c>&lt;html&gt;</c> in the reader's language, the stylesheet, the routed page.</summary>
public partial class App;
