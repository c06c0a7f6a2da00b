namespace CampaignFlow.Rules.Rete;

/// <summary>The entry of a fact in a beta node other than the first one the fact reached.</summary>
internal sealed class SharedRightEntry(int nodeId, Fact fact) : RightEntry(nodeId)
{
    private readonly Fact _fact = fact;

    protected override Fact OwnFact() => _fact;
}
