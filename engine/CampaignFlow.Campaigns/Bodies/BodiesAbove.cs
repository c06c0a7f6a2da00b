using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Bodies;

/// <summary>
/// The bodies above a unit that count it in requirements over their units (<c>acrossUnits</c>): after the unit's
/// records are judged, and before its watermark moves, each takes the new records in and persists its own verdicts.
/// A crash in between leaves the unit behind, so the reconciler hands the same records on again (a body ignores a
/// record it has), and a body's session rebuilt after a restart reads them from the store anyway (docs/adr/0010).
/// </summary>
/// <remarks>
/// The caller holds the unit's lock and each body's lock is taken in turn, always upwards (a unit, then the bodies
/// above it): the tree has no cycles, so neither do the locks.
/// </remarks>
internal sealed class BodiesAbove(UnitRegistry units, UnitSessions sessions, ViolationSync verdicts, IRecordStore records, ILogger logger)
{
    /// <summary>The running bodies above <paramref name="unit"/> whose requirements over their units count it, nearest first.</summary>
    public IReadOnlyList<RunningUnit> Counting(RunningUnit unit) =>
        [.. units.Tree.BodiesAbove(unit.Unit).Select(units.Find).OfType<RunningUnit>().Where(b => b.Below?.Units.Contains(unit.Unit.Id) == true)];

    /// <summary>
    /// Hands the unit's records stored after <paramref name="judgedThrough"/> to every body counting it, and persists each
    /// body's verdicts at <paramref name="now"/>.
    /// </summary>
    public async Task TakeRecordsAsync(RunningUnit unit, IReadOnlyList<RunningUnit> bodies, long judgedThrough, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await records.ReadUnitAsync(unit.Unit.Id, judgedThrough, cancellationToken: ct).ConfigureAwait(false);
        foreach (var body in bodies)
        {
            var relevant = stored.Where(r => body.Below!.Kinds.Contains(r.Kind)).Select(RecordCodec.Decode).ToArray();
            if (relevant.Length == 0)
            {
                continue;
            }

            try
            {
                await sessions.WithSessionAsync(body, async session =>
                {
                    session.Compliance.RecordBelow(relevant);
                    return await verdicts.AdvanceAsync(body, session, now, ct).ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The unit's own recording stands: the reconciler rebuilds the body from the store within its interval.
                logger.LogError(ex, "Body {Body} could not take the records of unit {Unit}; it is rebuilt from the store later", body.Unit.Id, unit.Unit.Id);
            }
        }
    }
}
