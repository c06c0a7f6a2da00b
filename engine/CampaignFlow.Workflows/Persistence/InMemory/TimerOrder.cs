using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Persistence.InMemory;

/// <summary>Orders the due-timer index: due time, then instance, then timer id, so every entry is distinct.</summary>
internal sealed class TimerOrder : IComparer<ScheduledTimer>
{
    public static readonly TimerOrder Instance = new();

    public int Compare(ScheduledTimer? x, ScheduledTimer? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byDue = x.DueAt.UtcTicks.CompareTo(y.DueAt.UtcTicks);
        if (byDue != 0)
        {
            return byDue;
        }

        var byInstance = string.CompareOrdinal(x.InstanceId, y.InstanceId);
        return byInstance != 0 ? byInstance : string.CompareOrdinal(x.Id, y.Id);
    }
}
