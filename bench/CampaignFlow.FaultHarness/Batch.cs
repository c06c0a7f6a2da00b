namespace CampaignFlow.FaultHarness;

/// <summary>One POST of records: all of them are stored or none (the server's contract), so a batch found half-stored is a failure.</summary>
/// <param name="Id">Its number in the load.</param>
/// <param name="Unit">The unit it is for.</param>
/// <param name="Keys">The keys of its records.</param>
/// <param name="Json">The body: a JSON array of the records.</param>
internal sealed record Batch(int Id, string Unit, IReadOnlyList<string> Keys, string Json);
