using System.Text.Json.Serialization;

namespace CampaignFlow.Workflows.Instances;

/// <summary>A point where an activity execution waits for a signal with a matching <see cref="Key"/>.</summary>
public sealed class Bookmark
{
    /// <summary>The awaited signal's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The awaited signal's correlation.</summary>
    public string Correlation { get; set; } = "";

    /// <summary>The waiting activity execution.</summary>
    public int ExecutionId { get; set; }

    /// <summary>The waiting activity's stable id.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>What kind of wait this is.</summary>
    public BookmarkKind Kind { get; set; }

    /// <summary>When the bookmark was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The canonical key signals are matched on.</summary>
    [JsonIgnore]
    public BookmarkKey Key => new(Name, Correlation);

    internal Bookmark Clone() => (Bookmark)MemberwiseClone();
}
