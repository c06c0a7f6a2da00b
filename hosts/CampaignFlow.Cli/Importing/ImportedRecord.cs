namespace CampaignFlow.Cli.Importing;

/// <summary>One record of the file being imported, as it will be sent.</summary>
/// <param name="Line">The file's line it starts on (1-based), for the summary of refused records.</param>
/// <param name="Text">A CSV row as written in the file (without its line break), or a JSON object on one line.</param>
internal sealed record ImportedRecord(int Line, string Text);
