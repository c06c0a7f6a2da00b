using System.Text.Json.Serialization;

namespace CampaignFlow.Workflows.Persistence;

/// <summary>Where an inbox item is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InboxItemStatus>))]
public enum InboxItemStatus
{
    /// <summary>Received, not yet applied to any bookmark.</summary>
    Pending,

    /// <summary>Applied; kept only so its idempotency key stays known.</summary>
    Completed,

    /// <summary>No bookmark appeared before <see cref="InboxItem.ExpiresAt"/>.</summary>
    Expired,
}
