using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Campaigns.Sessions;

/// <summary>
/// One unit's rule session for one plan version, and the open violations the store holds for it (what the session
/// last said, or, after a rebuild, what the store said), so each change is persisted as the difference.
/// </summary>
/// <param name="Compliance">The rule session.</param>
/// <param name="Persisted">The unit's open violations as stored, by id.</param>
internal sealed record UnitSession(UnitCompliance Compliance, Dictionary<string, StoredViolation> Persisted)
{
    /// <summary>The sequence of the last stored record the session has seen; records after it are read before each use.</summary>
    public long LastSequence { get; set; }

    /// <summary>
    /// For a body's session (<see cref="Units.RunningUnit.Below"/>): the sequence of the last stored record of any unit
    /// its catch-up has read; records of the units below after it are read before each use.
    /// </summary>
    public long LastBelowSequence { get; set; }

    /// <summary>What the last catch-up fed the session (null after a rebuild, which fed it everything).</summary>
    public FedRecords? LastFed { get; set; }

    /// <summary>
    /// When the session was built from the store, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp: real time
    /// even when the campaigns run on a virtual clock, since what a rebuild catches up with (a record another host
    /// committed late) happens in real time.
    /// </summary>
    public long BuiltAt { get; init; }
}
