using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Campaigns.Sessions;

/// <summary>
/// The records a session's last catch-up read from the store and fed it: those with a sequence after
/// <paramref name="After"/> through <paramref name="Through"/>, decoded once, each with its kind — so handing them on
/// to the bodies above (<see cref="Bodies.BodiesAbove.HandOnAsync"/>) need not read and decode them again.
/// </summary>
/// <param name="After">The session's last sequence before the catch-up.</param>
/// <param name="Through">The last sequence it read.</param>
/// <param name="Records">The records, in sequence order, with their stored kinds.</param>
internal sealed record FedRecords(long After, long Through, IReadOnlyList<(string Kind, UnitRecord Record)> Records);
