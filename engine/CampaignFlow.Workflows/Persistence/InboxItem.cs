using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Persistence;

/// <summary>A received signal in the durable inbox.</summary>
public sealed class InboxItem
{
    /// <summary>Inbox item id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Deduplication key: the signal's idempotency key, or the item id when it has none.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>The signal.</summary>
    public Signal Signal { get; set; } = new("", "");

    /// <summary>When it was received.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When a still-pending item stops waiting for its bookmark.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Pending, completed or expired.</summary>
    public InboxItemStatus Status { get; set; }

    internal InboxItem Clone() => (InboxItem)MemberwiseClone();
}
