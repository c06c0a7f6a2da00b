using System.Text.Json.Serialization;

namespace CampaignFlow.Workflows.Instances;

/// <summary>Why a bookmark exists, so callers can list open tasks apart from other waits.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookmarkKind>))]
public enum BookmarkKind
{
    /// <summary>Waiting for a signal (a gate, a confirmation).</summary>
    Signal,

    /// <summary>A task handed to the outside world, completed by a signal.</summary>
    Task,

    /// <summary>A loop waiting for its repeat-or-stop decision.</summary>
    Decision,
}
