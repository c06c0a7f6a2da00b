using CampaignFlow.Workflows.Conformance;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Persistence.InMemory;

namespace CampaignFlow.Workflows.Tests;

public sealed class InMemoryWorkflowStoreConformanceTests : WorkflowStoreConformance
{
    protected override IWorkflowStore CreateStore() => new InMemoryWorkflowStore();
}
