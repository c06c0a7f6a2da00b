using System.Collections.Concurrent;

namespace CampaignFlow.Workflows.Definitions;

/// <summary>The definitions a runtime can start and resume, by id and version.</summary>
/// <threadsafety>Safe for concurrent registration and lookup.</threadsafety>
public sealed class WorkflowDefinitionRegistry
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _definitions = new();
    private readonly ConcurrentDictionary<string, WorkflowDefinition> _latest = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding <paramref name="definitions"/>.</summary>
    public WorkflowDefinitionRegistry(params IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            Register(definition);
        }
    }

    /// <summary>Adds a definition version. Registering the same object twice is harmless.</summary>
    /// <exception cref="InvalidOperationException">Another definition with the same id and version exists.</exception>
    public void Register(WorkflowDefinition definition)
    {
        var stored = _definitions.GetOrAdd((definition.Id, definition.Version), definition);
        if (!ReferenceEquals(stored, definition))
        {
            throw new InvalidOperationException($"Workflow definition '{definition.Id}' version {definition.Version} is already registered; publish changes as a new version.");
        }

        _latest.AddOrUpdate(definition.Id, definition, (_, current) => current.Version >= definition.Version ? current : definition);
    }

    /// <summary>A specific version.</summary>
    /// <exception cref="KeyNotFoundException">Not registered.</exception>
    public WorkflowDefinition Get(string id, int version) =>
        _definitions.TryGetValue((id, version), out var definition)
            ? definition
            : throw new KeyNotFoundException($"Workflow definition '{id}' version {version} is not registered.");

    /// <summary>The highest registered version.</summary>
    /// <exception cref="KeyNotFoundException">No version registered.</exception>
    public WorkflowDefinition GetLatest(string id) =>
        _latest.TryGetValue(id, out var definition)
            ? definition
            : throw new KeyNotFoundException($"Workflow definition '{id}' is not registered.");
}
