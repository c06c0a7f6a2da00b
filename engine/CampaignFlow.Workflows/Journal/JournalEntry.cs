namespace CampaignFlow.Workflows.Journal;

/// <summary>
/// One transition of an instance (a value: a journal is a compact array, not thousands of heap objects).
/// The journal is append-only and committed in the same unit of work as
/// the state it explains, so it never lags or leads the state.
/// </summary>
public readonly record struct JournalEntry
{
    /// <summary>The instance.</summary>
    public string InstanceId { get; init; }

    /// <summary>Position in the instance's journal (1, 2, 3…, gap-free).</summary>
    public long Sequence { get; init; }

    /// <summary>The logical time of the transition (a late timer's transitions carry its due time).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public JournalEventKind Kind { get; init; }

    /// <summary>The activity concerned, if any.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The activity execution concerned, or 0.</summary>
    public int ExecutionId { get; init; }

    /// <summary>Bookmark or signal name, timer tag, or completion outcome.</summary>
    public string? Name { get; init; }

    /// <summary>Bookmark or signal correlation.</summary>
    public string? Correlation { get; init; }

    /// <summary>Who sent the signal.</summary>
    public string? Sender { get; init; }

    /// <summary>A timer's due time.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Free text: an incident message, a note, a signal's idempotency key.</summary>
    public string? Detail { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Sequence} {At:O} {Kind} {ActivityId}{(Name is null ? "" : " " + Name)}{(Correlation is null ? "" : "|" + Correlation)}{(Sender is null ? "" : " from " + Sender)}{(Detail is null ? "" : " — " + Detail)}";
}
