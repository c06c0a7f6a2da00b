using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Campaigns.Storage;

/// <summary>Every store a campaign host needs, from one backend (in-memory, SQLite or PostgreSQL).</summary>
/// <param name="Workflows">Workflow instances, journals, timers and the inbox.</param>
/// <param name="Records">What units recorded.</param>
/// <param name="Violations">Violations with their lifecycle.</param>
/// <param name="Plans">Published plan versions.</param>
public sealed record CampaignStores(IWorkflowStore Workflows, IRecordStore Records, IViolationStore Violations, IPlanStore Plans);
