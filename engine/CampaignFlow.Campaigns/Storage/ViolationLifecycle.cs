namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// The lifecycle rule every violation store applies, written once: what an update does to the row stored before.
/// Stores that decide in SQL must agree with it (the conformance suite checks).
/// </summary>
public static class ViolationLifecycle
{
    /// <summary>The event an update causes and the row after it, or (null, null) when it changes nothing.</summary>
    /// <param name="row">The row stored before, or null.</param>
    /// <param name="update">What the session says.</param>
    public static (ViolationEventKind? Kind, StoredViolation? Row) Apply(StoredViolation? row, ViolationUpdate update)
    {
        var v = update.Violation;
        if (!update.IsOpen)
        {
            return row is { Status: ViolationStatus.Open }
                ? (ViolationEventKind.Resolved, row with { Status = ViolationStatus.Resolved, ResolvedAt = update.At, ChangedAt = update.At })
                : (null, null);
        }

        if (row is null)
        {
            return (ViolationEventKind.Opened, v with { Status = ViolationStatus.Open, OpenedAt = update.At, ResolvedAt = null, ChangedAt = update.At });
        }

        if (row.Status == ViolationStatus.Resolved)
        {
            return (ViolationEventKind.Reopened, v with { Status = ViolationStatus.Open, OpenedAt = update.At, ResolvedAt = null, ChangedAt = update.At });
        }

        var same = SameContent(row, v);
        return same
            ? (null, null)
            : (ViolationEventKind.Changed, v with { Status = ViolationStatus.Open, OpenedAt = row.OpenedAt, ResolvedAt = null, ChangedAt = update.At });
    }

    /// <summary>True when two versions of a violation say the same (the lifecycle columns aside).</summary>
    /// <param name="a">One.</param>
    /// <param name="b">The other.</param>
    public static bool SameContent(StoredViolation a, StoredViolation b) =>
        a with { Status = default, OpenedAt = default, ResolvedAt = null, ChangedAt = default }
        == b with { Status = default, OpenedAt = default, ResolvedAt = null, ChangedAt = default };
}
