using System.Collections.Concurrent;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Workflows.Partitions;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Bodies;

/// <summary>
/// The bodies above a unit that count it in requirements over their units (<c>acrossUnits</c>): after the unit's
/// records are judged, they are handed on to each such body, which takes everything handed to it since the last tick
/// in one batch and persists its verdicts once (<see cref="FlushAsync"/>) — a body over thousands of units recording
/// at once is judged per tick, not per record. What is handed on lives in memory only: after a crash, the reconciler
/// rebuilds each body's session from the store at start, and every <c>BodyRebuildInterval</c> after (docs/adr/0010).
/// </summary>
/// <remarks>
/// Handing on takes no body's lock; a flush takes one body's lock at a time, holding no unit's. Where hosts split the
/// units into partitions (docs/adr/0022), a body is judged on the host that owns it only: two hosts judging one body
/// from sessions that each missed what the other was handed would write their views over each other. Records are
/// handed on only to bodies this host owns, and each flush also brings every owned body's session up to the records
/// of its units stored since (through any host); a record another host committed after one with a higher sequence is
/// taken by the body's periodic rebuild, as on one host (docs/adr/0010).
/// </remarks>
internal sealed class BodiesAbove(UnitRegistry units, UnitSessions sessions, ViolationSync verdicts, IRecordStore records, PartitionOwnership partitions, ILogger logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<UnitRecord>> _handedOn = new(StringComparer.Ordinal);

    /// <summary>
    /// The running bodies above <paramref name="unit"/> whose requirements over their units count it and that this host
    /// judges (all of them, or those of its partitions), nearest first: a unit counted only by another host's bodies
    /// reads nothing to hand on.
    /// </summary>
    public IReadOnlyList<RunningUnit> Counting(RunningUnit unit)
    {
        var owned = partitions.Current;
        return [.. units.Tree.BodiesAbove(unit.Unit).Select(units.Find).OfType<RunningUnit>().Where(b => b.Below?.Units.Contains(unit.Unit.Id) == true && owned.Contains(b.Unit.Id))];
    }

    /// <summary>
    /// Hands the unit's records stored after <paramref name="judgedThrough"/> through <paramref name="through"/> on to
    /// every body counting it, for its next flush: the records the session's last catch-up fed it when they are
    /// exactly those (the usual case: the unit was judged through what it had before this recording), else read again.
    /// </summary>
    public async Task HandOnAsync(RunningUnit unit, IReadOnlyList<RunningUnit> bodies, long judgedThrough, long through, FedRecords? fed, CancellationToken ct)
    {
        IReadOnlyList<(string Kind, UnitRecord Record)> handed = fed is not null && fed.After == judgedThrough && fed.Through == through
            ? fed.Records
            : [.. MigrationMark.DecodedByKind(await records.ReadUnitAsync(unit.Unit.Id, judgedThrough, cancellationToken: ct).ConfigureAwait(false))];
        HandOn(bodies, handed);
    }

    /// <summary>
    /// Hands records of a unit already read (its records judged since its last mark, in sequence order) on to every body
    /// of <paramref name="bodies"/> counting it, for its next flush: a boundary's batch reads many units' records at once.
    /// </summary>
    public void HandOn(IReadOnlyList<RunningUnit> bodies, IReadOnlyList<(string Kind, UnitRecord Record)> handed)
    {
        var owned = partitions.Current;
        foreach (var body in bodies)
        {
            if (!owned.Contains(body.Unit.Id))
            {
                continue; // its owner reads them from the store at its next flush
            }

            var queue = _handedOn.GetOrAdd(body.Unit.Id, _ => new ConcurrentQueue<UnitRecord>());
            foreach (var (kind, record) in handed)
            {
                if (body.Below!.Kinds.Contains(kind))
                {
                    queue.Enqueue(record);
                }
            }
        }
    }

    /// <summary>
    /// Every body that was handed records takes them in one batch and persists its verdicts at <paramref name="now"/>.
    /// A body that fails is logged and left to the reconciler's rebuild; the others go on.
    /// </summary>
    /// <returns>How many bodies were judged.</returns>
    public async Task<int> FlushAsync(DateTimeOffset now, CancellationToken ct)
    {
        var judged = 0;
        var owned = partitions.Current;
        // Leased, an owned body also takes what its units recorded through other hosts: its session's catch-up reads it.
        var flushed = owned.IsAll
            ? _handedOn.Keys
            : _handedOn.Keys.Union(units.Bodies, StringComparer.Ordinal).Where(owned.Contains);
        foreach (var given in _handedOn.Where(h => !owned.Contains(h.Key)))
        {
            given.Value.Clear(); // handed on before the body went to another host, which reads them from the store
        }

        foreach (var bodyId in flushed.ToArray())
        {
            var batch = new List<UnitRecord>();
            if (_handedOn.TryGetValue(bodyId, out var queue))
            {
                while (queue.TryDequeue(out var record))
                {
                    batch.Add(record);
                }
            }

            if ((batch.Count == 0 && owned.IsAll) || units.Find(bodyId) is not { } body)
            {
                continue;
            }

            try
            {
                await sessions.WithSessionAsync(body, async (current, session) =>
                {
                    session.Compliance.RecordBelow(batch);
                    return await verdicts.AdvanceAsync(current, session, now, ct).ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
                judged++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The units' recordings stand: the reconciler rebuilds the body from the store within its interval.
                logger.LogError(ex, "Body {Body} could not take {Count} records of its units; it is rebuilt from the store later", bodyId, batch.Count);
            }
        }

        return judged;
    }
}
