namespace CampaignFlow.Workflows.Instances;

/// <summary>A pending timer of an instance. It fires once, then it is gone.</summary>
public sealed class ScheduledTimer
{
    /// <summary>Timer id, unique within the instance (<c>t1</c>, <c>t2</c>…; never reused).</summary>
    public string Id { get; set; } = "";

    /// <summary>The owning instance; stores index timers by due time across instances.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>The activity execution the timer belongs to.</summary>
    public int ExecutionId { get; set; }

    /// <summary>When the timer is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>What the timer means to its activity (e.g. <c>open</c>, <c>close</c>); may be null.</summary>
    public string? Tag { get; set; }

    internal ScheduledTimer Clone() => (ScheduledTimer)MemberwiseClone();
}
