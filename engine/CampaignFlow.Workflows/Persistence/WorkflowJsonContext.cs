using System.Text.Json.Serialization;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Persistence;

/// <summary>
/// Source-generated System.Text.Json metadata for what a durable store writes as documents: instance
/// states, journal entries and inbox items. No reflection at run time, and one agreed shape for every store.
/// </summary>
/// <example><code>var json = JsonSerializer.Serialize(state, WorkflowJsonContext.Default.WorkflowInstanceState);</code></example>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkflowInstanceState))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(InboxItem))]
[JsonSerializable(typeof(string[]))]
public sealed partial class WorkflowJsonContext : JsonSerializerContext;
