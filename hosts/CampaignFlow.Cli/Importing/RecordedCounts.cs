namespace CampaignFlow.Cli.Importing;

/// <summary>The counts of the API's recording answer that an import adds up.</summary>
/// <param name="Inserted">Records stored now.</param>
/// <param name="Duplicates">Records the unit already held with the same content.</param>
internal sealed record RecordedCounts(int Inserted, int Duplicates);
