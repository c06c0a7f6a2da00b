namespace CampaignFlow.Bench.Units;

/// <summary>One line of the generated organisation file.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="Id">Its unit id (<c>unit-000042</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind, one of 魏都区委's <c>unitKinds</c>: the kind picks the template it runs.</param>
/// <param name="Parent">The unit it stands below: a street for its communities, 魏都区委 for the rest.</param>
public sealed record TreeUnit(int Number, string Id, string Name, string Kind, string Parent);
