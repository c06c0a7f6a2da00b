using CampaignFlow.Workflows.Activities;

namespace CampaignFlow.Workflows.Definitions;

/// <summary>
/// A versioned tree of activities. Activity ids are unique within the definition and meant to stay
/// stable across versions, so a migration can map live executions from one version to the next by id.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, Activity> _activities = new(StringComparer.Ordinal);

    /// <summary>Creates a definition and indexes its activities.</summary>
    /// <param name="id">The definition id.</param>
    /// <param name="version">The version (instances are pinned to it); at least 1.</param>
    /// <param name="root">The root activity.</param>
    /// <exception cref="ArgumentException">Two activities share an id, or the version is below 1.</exception>
    public WorkflowDefinition(string id, int version, Activity root)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A workflow definition needs a non-empty id.", nameof(id));
        }

        if (version < 1)
        {
            throw new ArgumentException($"Workflow definition '{id}' has version {version}; versions start at 1.", nameof(version));
        }

        Id = id;
        Version = version;
        Root = root;
        Index(root);
    }

    /// <summary>The definition id.</summary>
    public string Id { get; }

    /// <summary>The version.</summary>
    public int Version { get; }

    /// <summary>The root activity.</summary>
    public Activity Root { get; }

    /// <summary>Every activity id in the definition.</summary>
    public IReadOnlyCollection<string> ActivityIds => _activities.Keys;

    /// <summary>The activity with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such activity in this version.</exception>
    public Activity GetActivity(string activityId) =>
        _activities.TryGetValue(activityId, out var activity)
            ? activity
            : throw new KeyNotFoundException($"Workflow definition '{Id}' version {Version} has no activity '{activityId}'.");

    /// <summary>Looks up an activity by id.</summary>
    public bool TryGetActivity(string activityId, out Activity activity) => _activities.TryGetValue(activityId, out activity!);

    private void Index(Activity activity)
    {
        if (!_activities.TryAdd(activity.Id, activity))
        {
            throw new ArgumentException($"Workflow definition '{Id}' version {Version} uses activity id '{activity.Id}' twice; ids must be unique so journals and migrations can name each one.");
        }

        foreach (var child in activity.Children)
        {
            Index(child);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} v{Version}";
}
